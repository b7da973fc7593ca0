#!/usr/bin/env node
// A tiny MCP server over stdio (newline-delimited JSON-RPC 2.0), for recording codex's MCP frames.
//
// Tools:
//   echo {text}      → returns the text (a plain tool call)
//   ask_name {}      → asks the client for a name with `elicitation/create` (a flat form schema), then
//                      returns "Hello <name>" (or says it was declined)
//
// Configure it in codex with:
//   mcp_servers.demo.command = "node"
//   mcp_servers.demo.args = ["/abs/path/tests/support/mcp-demo-server.mjs"]
import { createInterface } from 'node:readline';

const TOOLS = [
  {
    name: 'echo',
    description: 'Returns the given text.',
    inputSchema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
  },
  {
    name: 'ask_name',
    description: 'Asks the user for their name.',
    inputSchema: { type: 'object', properties: {} },
  },
];

let nextId = 1;
const waiting = new Map();

function send(msg) {
  process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', ...msg })}\n`);
}

function ask(method, params) {
  const id = `demo-${nextId++}`;
  send({ id, method, params });
  return new Promise((resolve) => waiting.set(id, resolve));
}

async function callTool(name, args) {
  if (name === 'echo') return { content: [{ type: 'text', text: String(args?.text ?? '') }] };
  if (name === 'ask_name') {
    const answer = await ask('elicitation/create', {
      message: 'What is your name?',
      requestedSchema: {
        type: 'object',
        properties: {
          name: { type: 'string', title: 'Name', description: 'How to greet you' },
          excited: { type: 'boolean', title: 'Excited greeting' },
        },
        required: ['name'],
      },
    });
    const result = answer?.result ?? {};
    if (result.action !== 'accept') return { content: [{ type: 'text', text: `No name (${result.action ?? 'error'}).` }] };
    const bang = result.content?.excited ? '!' : '.';
    return { content: [{ type: 'text', text: `Hello ${result.content?.name ?? 'nobody'}${bang}` }] };
  }
  return { content: [{ type: 'text', text: `unknown tool ${name}` }], isError: true };
}

async function onMessage(msg) {
  if (msg.id !== undefined && msg.method === undefined) {
    waiting.get(msg.id)?.(msg);
    waiting.delete(msg.id);
    return;
  }
  switch (msg.method) {
    case 'initialize':
      send({
        id: msg.id,
        result: {
          protocolVersion: msg.params?.protocolVersion ?? '2025-06-18',
          capabilities: { tools: {} },
          serverInfo: { name: 'demo', version: '0.0.1' },
        },
      });
      return;
    case 'tools/list':
      send({ id: msg.id, result: { tools: TOOLS } });
      return;
    case 'tools/call':
      send({ id: msg.id, result: await callTool(msg.params?.name, msg.params?.arguments) });
      return;
    case 'ping':
      send({ id: msg.id, result: {} });
      return;
    default:
      if (msg.id !== undefined) send({ id: msg.id, error: { code: -32601, message: `no method ${msg.method}` } });
  }
}

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === '') return;
  try {
    void onMessage(JSON.parse(line));
  } catch {
    // Not JSON: ignore, as MCP servers do.
  }
});
