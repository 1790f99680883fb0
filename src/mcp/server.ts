/**
 * The agent gateway: an MCP server whose tools answer from the warehouse marts. Every call passes
 * access control and lands in the audit table, whatever its outcome; errors reach the agent as a
 * tool error with what went wrong and how to fix it, never a stack or a secret.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { z } from 'zod';
import type { JobConfig } from '../config/schema.ts';
import { ClassifiedError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { redactString } from '../core/redact.ts';
import { VERSION } from '../core/version.ts';
import type { DbtProject } from '../models/project.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { AccessDenied, AccessPolicy } from './access.ts';
import type { AuditLog, AuditOutcome } from './audit.ts';
import { PROMPTS } from './prompts.ts';
import { RefusedCalls } from './refused-calls.ts';
import {
  DATA_DICTIONARY_URI,
  MART_LIST_URI,
  dataDictionaryText,
  martDocs,
  martListText,
} from './resources.ts';
import { SQL_DIALECTS } from './sql.ts';
import { TOOLS } from './tools/index.ts';
import type { WriteDeps } from './writes/engine.ts';
import type { ToolContext, ToolDescriptor } from './tools/tool.ts';

export interface GatewayDeps {
  readonly config: JobConfig;
  readonly warehouse: Warehouse;
  readonly audit: AuditLog;
  readonly project: DbtProject;
  readonly logger: Logger;
  readonly transport: 'stdio' | 'http' | 'memory';
  readonly tools?: readonly ToolDescriptor[];
  readonly writes?: WriteDeps | null;
}

export function gatewayContext(
  config: JobConfig,
  warehouse: Warehouse,
  writes: WriteDeps | null = null,
): ToolContext {
  const marts = `${config.schemas.analytics}_marts`;
  return {
    writes,
    warehouse,
    dialect: SQL_DIALECTS[config.warehouse.type],
    mart: (name) => `${marts}.${name}`,
    control: (name) => `${config.schemas.raw}.${name}`,
    access: new AccessPolicy({ entities: config.mcp.entities, writes: config.mcp.writes }),
    maxRows: config.mcp.maxRows,
  };
}

function describeError(error: unknown): { outcome: AuditOutcome; message: string } {
  if (error instanceof AccessDenied)
    return { outcome: 'refused', message: `${error.message}. Fix: ${error.fix}` };
  if (error instanceof RangeError) return { outcome: 'invalid', message: error.message };
  if (error instanceof ClassifiedError) {
    return { outcome: 'error', message: error.fix ? `${error.message}. Fix: ${error.fix}` : error.message };
  }
  return { outcome: 'error', message: error instanceof Error ? error.message : String(error) };
}

/** The gateway's MCP server: every transport it connects to is watched for refused tool calls. */
class GatewayServer extends McpServer {
  refused: RefusedCalls | undefined;
  override async connect(transport: Transport): Promise<void> {
    return super.connect(this.refused ? this.refused.watch(transport) : transport);
  }
}

export function createGatewayServer(deps: GatewayDeps): McpServer {
  const ctx = gatewayContext(deps.config, deps.warehouse, deps.writes ?? null);
  const server = new GatewayServer(
    { name: 'intacct-elt', version: VERSION },
    {
      instructions:
        'Finance data from the Sage Intacct warehouse (read-only unless writes are enabled). Read the intacct-elt://marts resource first; call data_freshness to say how current an answer is. Amounts are decimal strings in base currency.',
    },
  );

  const audit = async (
    tool: string,
    args: unknown,
    outcome: AuditOutcome,
    message: string | undefined,
    started: number,
  ) => {
    try {
      await deps.audit.record({
        tool,
        transport: deps.transport,
        args,
        outcome,
        message,
        durationMs: performance.now() - started,
        calledAt: new Date(),
      });
    } catch (error) {
      // A call is never answered without its audit row: the failure becomes the answer.
      deps.logger.error('mcp audit write failed', { tool, error: redactString(String(error)) });
      throw new ClassifiedError('the audit table could not be written; the call was not answered', {
        kind: 'terminal',
        level: 'warehouse',
        fix: 'run intacct-elt migrate and check the warehouse',
        cause: error,
      });
    }
  };

  // Invalid input (and unknown tools) are refused by the SDK before a tool runs; audit those too.
  const refused = new RefusedCalls((tool, args, message, started) =>
    audit(tool, args, 'invalid', message, started),
  );
  server.refused = refused;

  for (const tool of deps.tools ?? TOOLS) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.input,
        annotations: { readOnlyHint: tool.kind !== 'apply', openWorldHint: false },
      },
      async (args: Record<string, unknown>, extra: { requestId: string | number }) => {
        refused.markRan(extra.requestId);
        const started = performance.now();
        try {
          const result = await tool.run(ctx, args as never);
          await audit(tool.name, args, 'ok', undefined, started);
          return { content: [{ type: 'text' as const, text: JSON.stringify(result) }] };
        } catch (error) {
          const { outcome, message } = describeError(error);
          await audit(tool.name, args, outcome, message, started);
          return { isError: true, content: [{ type: 'text' as const, text: redactString(message) }] };
        }
      },
    );
  }

  const marts = martDocs(deps.project, ctx.mart);
  server.registerResource(
    'marts',
    MART_LIST_URI,
    {
      title: 'Finance marts',
      description: 'The warehouse marts the tools read, with their relations.',
      mimeType: 'application/json',
    },
    async (uri) => ({
      contents: [{ uri: uri.href, mimeType: 'application/json', text: martListText(marts) }],
    }),
  );
  server.registerResource(
    'data-dictionary',
    DATA_DICTIONARY_URI,
    {
      title: 'Data dictionary',
      description: 'Every mart column with its meaning.',
      mimeType: 'text/markdown',
    },
    async (uri) => ({
      contents: [{ uri: uri.href, mimeType: 'text/markdown', text: dataDictionaryText(marts) }],
    }),
  );
  for (const prompt of PROMPTS) {
    server.registerPrompt(
      prompt.name,
      {
        title: prompt.title,
        description: prompt.description,
        argsSchema: prompt.args as Record<string, z.ZodString>,
      },
      async (args: Record<string, string | undefined>) => ({
        messages: [{ role: 'user' as const, content: { type: 'text' as const, text: prompt.text(args) } }],
      }),
    );
  }
  return server;
}
