/** Builders of server-request records of every kind, for request card tests (see builders.ts). */
import type { ApprovalRecord, ElicitationField, ElicitationForm, UserInputQuestionView } from '../../../protocol/projections.ts';

type Of<K extends ApprovalRecord['kind']> = Extract<ApprovalRecord, { kind: K }>;

const meta = (requestKey: string) =>
  ({ requestKey, threadId: 'th', turnId: 't1', itemId: 'item-1', state: 'pending', decision: null, rev: 1 }) as const;

export function fileChangeRequest(over: Partial<Of<'fileChange'>> = {}): Of<'fileChange'> {
  return { ...meta('n:2'), kind: 'fileChange', reason: null, grantRoot: null, ...over };
}

export function question(over: Partial<UserInputQuestionView> & Pick<UserInputQuestionView, 'id'>): UserInputQuestionView {
  return { header: 'Color', question: 'Pick a color?', options: [], isOther: false, isSecret: false, ...over };
}

export function userInputRequest(questions: UserInputQuestionView[], over: Partial<Of<'userInput'>> = {}): Of<'userInput'> {
  return { ...meta('n:3'), kind: 'userInput', questions, ...over };
}

export function permissionsRequest(over: Partial<Of<'permissions'>> = {}): Of<'permissions'> {
  return {
    ...meta('n:4'),
    kind: 'permissions',
    cwd: '/home/dev/project',
    reason: 'Need to write the build folder',
    lines: [{ access: 'write', target: '/home/dev/project/build' }, { access: 'network', target: 'network access' }],
    requested: { fileSystem: { write: ['/home/dev/project/build'] }, network: { enabled: true } },
    ...over,
  };
}

export function elicitationRequest(form: ElicitationForm, over: Partial<Of<'mcpElicitation'>> = {}): Of<'mcpElicitation'> {
  return { ...meta('n:5'), itemId: null, kind: 'mcpElicitation', serverName: 'demo', message: 'What is your name?', form, ...over };
}

type FieldBase = Pick<ElicitationField, 'name' | 'title' | 'description' | 'required'>;
const fieldBase = (name: string, required = false): FieldBase => ({ name, title: name, description: null, required });

export function textField(name: string, over: Partial<Extract<ElicitationField, { type: 'string' }>> = {}): ElicitationField {
  return { ...fieldBase(name), type: 'string', format: null, defaultValue: null, ...over };
}

export function numberField(name: string, over: Partial<Extract<ElicitationField, { type: 'number' | 'integer' }>> = {}): ElicitationField {
  return { ...fieldBase(name), type: 'integer', minimum: null, maximum: null, defaultValue: null, ...over };
}

export function boolField(name: string, over: Partial<Extract<ElicitationField, { type: 'boolean' }>> = {}): ElicitationField {
  return { ...fieldBase(name), type: 'boolean', defaultValue: null, ...over };
}

export function enumField(name: string, values: string[], over: Partial<Extract<ElicitationField, { type: 'enum' }>> = {}): ElicitationField {
  return { ...fieldBase(name), type: 'enum', multiple: false, options: values.map((v) => ({ value: v, label: v.toUpperCase() })), defaultValue: [], ...over };
}
