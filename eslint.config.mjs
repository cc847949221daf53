// Lint: keeps unsafe HTML sinks out of the code. Every string from the network
// or the page (names, URIs, chat, labels, directory entries, vCards) must be
// rendered as text, through Lit's text bindings.
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';

export default [
  // src/generated: the translations lit-localize writes from xliff/ (text only; regenerated, never edited).
  { ignores: ['dist/**', 'node_modules/**', 'custom-elements.json', 'src/generated/**'] },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    plugins: { 'no-unsanitized': nounsanitized },
    rules: {
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['lit/directives/unsafe-*', 'lit-html/directives/unsafe-*'], message: 'Render network and page data as text, never as HTML.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]", message: 'Use Lit text bindings or textContent.' },
        { selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln|createContextualFragment)$/]", message: 'No HTML sinks.' },
        { selector: "CallExpression[callee.name='eval'], NewExpression[callee.name='Function']", message: 'No eval: the phone must run under a strict CSP.' },
      ],
    },
  },
];
