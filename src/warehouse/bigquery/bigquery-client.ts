/**
 * The one place the BigQuery client is built. Credentials are always explicit (a service-account
 * key file, or an access token) so google-auth-library never goes looking for a metadata server;
 * METADATA_SERVER_DETECTION=none is set before the client is loaded to make sure of it. The client's
 * own retries are off: the adapter classifies and retries once, with the job's policy.
 */
import type { BigQuery } from '@google-cloud/bigquery';
import { ClassifiedError } from '../../core/errors.ts';

export interface BigQueryClientOptions {
  readonly projectId: string;
  readonly location: string;
  readonly apiEndpoint?: string;
  readonly keyFilename?: string;
  readonly accessToken?: string;
}

export async function createBigQueryClient(options: BigQueryClientOptions): Promise<BigQuery> {
  process.env['METADATA_SERVER_DETECTION'] ??= 'none';
  const { BigQuery } = await import('@google-cloud/bigquery');
  const base = {
    projectId: options.projectId,
    location: options.location,
    autoRetry: false,
    ...(options.apiEndpoint === undefined ? {} : { apiEndpoint: options.apiEndpoint.replace(/\/+$/, '') }),
  };
  if (options.accessToken !== undefined) {
    const { OAuth2Client } = await import('google-auth-library');
    const authClient = new OAuth2Client();
    // No expiry known: the token is used until BigQuery refuses it (then an auth error says so).
    authClient.setCredentials({ access_token: options.accessToken });
    return new BigQuery({ ...base, authClient });
  }
  if (options.keyFilename !== undefined) return new BigQuery({ ...base, keyFilename: options.keyFilename });
  throw new ClassifiedError('BigQuery needs credentials: warehouse.keyFilename or warehouse.accessToken', {
    kind: 'auth',
    level: 'local',
    fix: 'Set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file, or BIGQUERY_ACCESS_TOKEN',
  });
}
