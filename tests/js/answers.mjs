// Every answer held to the JSON Schemas the engine publishes (describeCommands,
// draft 2020-12), with ajv: a success's `result` to its command's output
// schema, its `effects` and a failure's `errors` to the envelope below.
import Ajv2020 from 'ajv/dist/2020.js';
import { createPrivacyEngine } from 'family-privacy';

const ROOT = 'https://family-privacy.invalid/describe-commands.json';
// ISO 8601 with Z or an offset, as the engine reads instants (answers carry epoch ms); a birth date's day.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Loads describeCommands once (from the package, so from the wasm build) and compiles each command's answer schema. */
export async function answerSchemas() {
  const engine = await createPrivacyEngine();
  const doc = engine.describeCommands();
  engine.close();
  const ajv = new Ajv2020({ allErrors: true, strict: true, formats: { 'date-time': DATE_TIME, date: DATE } });
  ajv.addKeyword({ keyword: 'x-maxBytes', type: 'string', schemaType: 'number',
    validate: (max, text) => Buffer.byteLength(text, 'utf8') <= max });
  ajv.addVocabulary(['x-type', 'x-allowed']);  // annotations: the instant's kind, a variant's optional fields
  const outputs = Object.fromEntries(doc.commands.map((c) => [`output:${c.name}`, c.output]));
  ajv.addSchema({ $id: ROOT, $defs: { ...doc.$defs, ...outputs } });
  const envelope = ajv.compile({
    oneOf: [
      { type: 'object', required: ['type', 'result', 'effects'], additionalProperties: false, properties: {
        type: { const: 'success' }, result: true,
        effects: { type: 'object', required: ['changed', 'deletedRecordingIds'], additionalProperties: false, properties: {
          changed: { type: 'boolean' }, deletedRecordingIds: { type: 'array', items: { type: 'string' } } } } } },
      { type: 'object', required: ['type', 'errors'], additionalProperties: false, properties: {
        type: { const: 'failure' },
        errors: { type: 'array', minItems: 1, items: { type: 'object', required: ['code', 'path', 'message'], additionalProperties: false,
          properties: { code: { $ref: `${ROOT}#/$defs/ErrorCode` }, path: { type: 'string' }, message: { type: 'string', minLength: 1 } } } } } },
    ],
  });
  const byCommand = new Map(doc.commands.map((c) => [c.name, ajv.getSchema(`${ROOT}#/$defs/output:${c.name}`)]));
  const describe = (errors) => ajv.errorsText(errors, { separator: '; ', dataVar: 'answer' });
  return {
    doc,
    commands: doc.commands.map((c) => c.name),
    /** The problems of one answer (text or parsed) to `command`, or '' when it holds. */
    check(command, answer) {
      const value = typeof answer === 'string' ? JSON.parse(answer) : answer;
      if (!envelope(value)) return `envelope: ${describe(envelope.errors)}`;
      if (value.type !== 'success') return '';
      const validate = byCommand.get(command);
      if (!validate) return `no command '${command}' in describeCommands`;
      return validate(value.result) ? '' : `${command}: ${describe(validate.errors).replaceAll('answer', 'result')}`;
    },
  };
}
