/** The architecture's arrows (DESIGN.md): renderer → contract, main → app, app → itself. */
module.exports = {
  forbidden: [
    {
      name: 'no-electron-outside-main-electron',
      comment:
        'Only main/electron/ may import electron: app/ and renderer/ run where no binary exists.',
      severity: 'error',
      from: { path: '^(app|renderer|main/preview)/' },
      to: { path: '^electron$|(^|/)node_modules/electron/' },
    },
    {
      name: 'app-is-plain-typescript',
      comment: 'app/ has no React, no DOM libraries and nothing of the hosts or the renderer.',
      severity: 'error',
      from: { path: '^app/' },
      to: {
        path: '^(main|renderer)/|(^|/)node_modules/(react|react-dom|react-aria-components|lucide-react|@tanstack|playwright-core|@playwright)/',
      },
    },
    {
      name: 'renderer-sees-only-the-contract',
      comment:
        'The renderer may import the contract (app/contract.ts, app/contract-names.ts), nothing else of app/ or main/.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(app|main)/', pathNot: '^app/contract(-names)?\\.ts$' },
    },
    {
      name: 'renderer-takes-only-types-from-contract-ts',
      comment:
        'Values come from app/contract-names.ts: a value import of contract.ts would bundle zod into the renderer.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^app/contract\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^electron$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|test-output)/' },
    tsConfig: { fileName: 'tsconfig.node.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
