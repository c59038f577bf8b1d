/**
 * Browser-test helper: checks a document against the PUBLISHED schema files with Ajv (an
 * independent validator), as a Python or Go backend would. Ajv is served as an ES module by
 * scripts/ajv-module-plugin.mjs; it compiles with `new Function`, which is fine here: this page
 * is a test page, not the strict-CSP one.
 */
type AjvErrors = Array<{ instancePath: string; message?: string }> | null | undefined;
type Validate = ((data: unknown) => boolean) & { errors?: AjvErrors };

const validators = new Map<string, Promise<Validate>>();

function compile(file: 'annotation.json' | 'task.json'): Promise<Validate> {
  let validator = validators.get(file);
  if (!validator) {
    validator = (async () => {
      // @ts-expect-error served by the test runner, not a package
      const { default: Ajv2020 } = (await import('/__tagwerk/ajv2020.js')) as {
        default: new (options: object) => { compile(schema: unknown): Validate };
      };
      const schema = (await (await fetch(`/packages/core/schema/${file}`)).json()) as unknown;
      return new Ajv2020({ allErrors: true }).compile(schema); // Ajv's default strict mode
    })();
    validators.set(file, validator);
  }
  return validator;
}

/** Resolves with the Ajv errors (empty when the document is valid against the published file). */
export async function publishedSchemaErrors(
  document: unknown,
  file: 'annotation.json' | 'task.json' = 'annotation.json',
): Promise<string[]> {
  const validate = await compile(file);
  if (validate(JSON.parse(JSON.stringify(document)))) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
