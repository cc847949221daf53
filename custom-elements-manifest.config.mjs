// @custom-elements-manifest/analyzer settings: the manifest documents the
// elements, their attributes, events, parts and CSS properties.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/widget.ts', 'src/core/sip/debug-lite.ts'],
  litelement: true,
};
