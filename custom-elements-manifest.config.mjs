// @custom-elements-manifest/analyzer settings: the manifest documents the
// elements, their attributes, events, parts and CSS properties.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/widget.ts', 'src/core/sip/debug-lite.ts'],
  litelement: true,
  // package.json's "customElements" is fixed; the sync test analyzes into a
  // temp dir and must not point package.json there.
  packagejson: false,
  plugins: [
    {
      // The analyzer lists modules in the order the file system gives them,
      // which differs between checkouts: sort them so the manifest is stable.
      name: 'sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
