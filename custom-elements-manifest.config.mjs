// `npm run analyze` (and `vite build`, at its end): the Custom Elements Manifest from the widgets'
// JSDoc, at the path package.json's "customElements" names. Storybook's docs and controls, and
// editors, read it.
import { posix } from 'node:path';

/**
 * Elements are registered with our guarded `define('prm-x', PrmX)` (src/widgets/define.ts), not
 * `customElements.define`, so the analyzer would not link tags to classes by itself: this records
 * each such call as a custom-element definition, pointing at the module the class is imported from.
 */
function guardedDefineCalls() {
  return {
    name: 'prm-guarded-define-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
      if (node.expression.text !== 'define') return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteral(tag) || !ts.isIdentifier(klass)) return;

      let module = moduleDoc.path;
      for (const statement of node.getSourceFile().statements) {
        if (!ts.isImportDeclaration(statement)) continue;
        const named = statement.importClause?.namedBindings;
        if (!named || !ts.isNamedImports(named)) continue;
        if (!named.elements.some((e) => e.name.text === klass.text)) continue;
        const specifier = statement.moduleSpecifier.text;
        module = posix.join(posix.dirname(moduleDoc.path), specifier).replace(/\.js$/, '.ts');
      }
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        {
          kind: 'custom-element-definition',
          name: tag.text,
          declaration: { name: klass.text, module },
        },
      ];
    },
  };
}

export default {
  globs: ['src/widgets/**/*.ts'],
  // The guarded define's own `customElements.define(tag, ctor)` is not an element.
  exclude: ['**/*.styles.ts', 'src/widgets/shared/define.ts'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  plugins: [guardedDefineCalls()],
};
