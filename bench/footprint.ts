// What the server costs before a person does anything: the time from starting it to the first
// diagnostics of a small policy, and its heap with a document open — the 1 MiB template (Customer
// Profiles only) and a policy that names 20 services, so each service read on first use shows in the
// figure — with the number of services it read. Fresh servers, run with --expose-gc so the heap is
// measured after a collection.
import { join } from 'node:path';
import { repoRoot } from '../test/helpers';
import { TestClient } from '../test/protocol/lsp-client';

type Record = (name: string, value: number, unit: string, goal?: { max: number }) => void;

const elapsed = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;
const server = () => new TestClient(['--expose-gc', join(repoRoot, 'dist', 'server.js'), '--stdio']);

/** A Customer Profiles policy of the usual size: one Allow on domains, one Deny. */
const SMALL_POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['profile:SearchProfiles', 'profile:BatchGetProfile', 'profile:UpdateProfile'],
        Resource: 'arn:aws:profile:us-east-1:111122223333:domains/retail',
      },
      { Effect: 'Deny', Action: 'profile:DeleteDomain', Resource: '*' },
    ],
  },
  null,
  2,
);

/** One statement per service, each an action and a resource of that service: 20 services to read. */
const TWENTY_SERVICES: ReadonlyArray<readonly [string, string]> = [
  ['s3:GetObject', 'arn:aws:s3:::bucket/key'],
  ['kms:Decrypt', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
  ['connect:DescribeQueue', 'arn:aws:connect:us-east-1:111122223333:instance/abc/queue/def'],
  ['appflow:StartFlow', 'arn:aws:appflow:us-east-1:111122223333:flow/orders'],
  ['events:PutEvents', 'arn:aws:events:us-east-1:111122223333:event-bus/default'],
  ['lambda:InvokeFunction', 'arn:aws:lambda:us-east-1:111122223333:function:handler'],
  ['dynamodb:GetItem', 'arn:aws:dynamodb:us-east-1:111122223333:table/orders'],
  ['sqs:SendMessage', 'arn:aws:sqs:us-east-1:111122223333:queue'],
  ['sns:Publish', 'arn:aws:sns:us-east-1:111122223333:topic'],
  ['logs:PutLogEvents', 'arn:aws:logs:us-east-1:111122223333:log-group:group:log-stream:stream'],
  ['cloudwatch:PutMetricData', '*'],
  ['iam:PassRole', 'arn:aws:iam::111122223333:role/worker'],
  ['ec2:StartInstances', 'arn:aws:ec2:us-east-1:111122223333:instance/i-1234567890abcdef0'],
  ['ecr:BatchGetImage', 'arn:aws:ecr:us-east-1:111122223333:repository/app'],
  ['ecs:RunTask', 'arn:aws:ecs:us-east-1:111122223333:task-definition/app:1'],
  ['secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf'],
  ['ssm:GetParameter', 'arn:aws:ssm:us-east-1:111122223333:parameter/app/db'],
  ['states:StartExecution', 'arn:aws:states:us-east-1:111122223333:stateMachine:orders'],
  ['glue:GetTable', 'arn:aws:glue:us-east-1:111122223333:table/db/orders'],
  ['athena:StartQueryExecution', 'arn:aws:athena:us-east-1:111122223333:workgroup/primary'],
];

const TWENTY_SERVICES_POLICY = JSON.stringify(
  { Version: '2012-10-17', Statement: TWENTY_SERVICES.map(([Action, Resource]) => ({ Effect: 'Allow', Action, Resource })) },
  null,
  2,
);

/** The heap after a collection with one document open, and how many services the server read for it. */
async function afterOpening(uri: string, language: string, text: string): Promise<{ heap: number; services: number | undefined }> {
  const client = server();
  try {
    await client.initialize();
    await client.open(uri, language, text);
    const stats = (await client.connection.sendRequest('profilePolicy/serverStats')) as { heapUsed: number; loadedServices?: readonly string[] };
    return { heap: stats.heapUsed / 1048576, services: stats.loadedServices?.length };
  } finally {
    await client.stop();
  }
}

export async function footprintFigures(template: string, record: Record): Promise<void> {
  // The start is a few hundred milliseconds that a busy machine easily doubles: the median of nine.
  const starts: number[] = [];
  for (let i = 0; i < 9; i++) {
    const started = process.hrtime.bigint();
    const client = server();
    try {
      await client.initialize();
      await client.open('file:///bench/small.json', 'json', SMALL_POLICY);
      starts.push(elapsed(started));
    } finally {
      await client.stop();
    }
  }
  record('server start → first diagnostics (small policy)', starts.sort((a, b) => a - b)[4]!, 'ms');
  const withTemplate = await afterOpening('file:///bench/template.yaml', 'yaml', template);
  const withTwenty = await afterOpening('file:///bench/twenty.json', 'json', TWENTY_SERVICES_POLICY);
  record('server heap with the 1 MiB template open', withTemplate.heap, 'MiB');
  record('server heap with a policy that names 20 services open', withTwenty.heap, 'MiB');
  // Older servers do not say which services they read.
  if (withTemplate.services !== undefined) record('services read in depth for the template', withTemplate.services, 'services');
  if (withTwenty.services !== undefined) record('services read in depth for the 20-service policy', withTwenty.services, 'services');
}
