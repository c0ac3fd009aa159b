const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/api'),
    clean: true,
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      // One module tree, several processes: the HTTP server, the queue worker, and two tools.
      additionalEntryPoints: [
        { entryName: 'worker', entryPath: 'apps/api/src/worker.ts' },
        { entryName: 'seed', entryPath: 'apps/api/src/seed.ts' },
        { entryName: 'openapi', entryPath: 'apps/api/src/openapi.ts' },
        // The import worker thread (parsing and checking off the event loop), loaded by ImportThread.
        { entryName: 'import-thread', entryPath: 'apps/api/src/import-thread.ts' },
      ],
      tsConfig: './tsconfig.app.json',
      // E-mail templates (app/<feature>/templates) are read at run time: mail/mail-templates.ts looks here.
      assets: [{ input: 'apps/api/src/app', glob: '*/templates/**/*.hbs', output: 'app' }],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: false,
      sourceMap: true,
    }),
  ],
};
