// Serves Ajv (CommonJS) to browser tests as one ES module, so a test can check an emitted
// envelope against the PUBLISHED schema files with an independent validator.
import { build } from 'esbuild';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let cached;

export function ajvModulePlugin() {
  return {
    name: 'tagwerk-ajv-module',
    async serve(context) {
      if (context.path !== '/__tagwerk/ajv2020.js') return undefined;
      cached ??= build({
        stdin: {
          contents: "import Ajv2020 from 'ajv/dist/2020.js'; export default Ajv2020;",
          resolveDir: new URL('.', import.meta.url).pathname,
          sourcefile: 'ajv-entry.js',
        },
        bundle: true,
        format: 'esm',
        write: false,
        logLevel: 'silent',
        nodePaths: [require.resolve('ajv/package.json').replace(/\/ajv\/package\.json$/, '')],
      }).then((result) => result.outputFiles[0].text);
      return { body: await cached, type: 'js' };
    },
  };
}
