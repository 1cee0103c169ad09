import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Sesv2AccountSuppressionAttributes } from '@cdktf/provider-aws/lib/sesv2-account-suppression-attributes';
import { TRIGGER_NAMES, type TriggerName } from '@cognito-passwordless/contract';
import { TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { join } from 'node:path';
import { authSessionValidityMinutes } from '../config/auth-session-validity.js';
import type { EnvironmentConfig } from '../config/environment-config.schema.js';
import { preventsDestroy } from '../config/environment-rules.js';
import { stackNameOf } from '../config/stack-name.js';
import { userPoolTierOf } from '../config/user-pool-tier.js';
import { AlarmTopic } from '../constructs/alarm-topic.js';
import { EmailIdentity, SUPPRESSED_REASONS } from '../constructs/email-identity.js';
import { MailFromDomain } from '../constructs/mail-from-domain.js';
import { SesEventPublishing } from '../constructs/ses-event-publishing.js';
import { IdentityPool } from '../constructs/identity-pool.js';
import {
  RUNBOOK_FILE,
  SES_BOUNCE_RATE_THRESHOLD,
  SES_COMPLAINT_RATE_THRESHOLD,
  SignInAlarms,
  TRIGGER_DURATION_P99_THRESHOLD_MS,
} from '../constructs/sign-in-alarms.js';
import { SignInDashboard } from '../constructs/sign-in-dashboard.js';
import { SignInMetricFilters } from '../constructs/sign-in-metric-filters.js';
import { SignInStateTable, STATE_TABLE_OPERATIONS } from '../constructs/sign-in-state-table.js';
import { configureStateBackend } from '../constructs/state-backend.js';
import { TriggerFunction } from '../constructs/trigger-function.js';
import { UserPoolFirewall } from '../constructs/user-pool-firewall.js';
import { UserPool } from '../constructs/user-pool.js';
import { createFunctionFiles } from '../email-templates/create-function-files.js';
import type { ZipEntry } from '../lambda/deterministic-zip.js';
import { triggerEnvironment } from '../lambda/trigger-environment.js';
import { perTrigger } from '../lambda/triggers.js';
import { EXTRA_WIDGETS_Y } from '../monitoring/dashboard-body.js';
import { metricNamespaceOf } from '../monitoring/sign-in-metrics.js';
import { OUTPUT_NAMES } from './output-names.js';

/** The AWS provider release whose schema @cdktf/provider-aws 20.1.0 was generated from. */
export const AWS_PROVIDER_VERSION = '5.100.0';

export interface SignInStackOptions {
  /** Directory holding one bundle directory per trigger (`<root>/<trigger>/index.mjs`), normally `dist/apps`. */
  readonly lambdaBundleRoot: string;
  /** Where zipped bundles are cached between synths, e.g. `dist/infra/lambda-archives`. */
  readonly archiveCacheDir: string;
  /** The folder `email.templates` is relative to: the infra project folder. */
  readonly emailTemplateRoot?: string;
}

/**
 * Everything the email-code sign-in needs in one account and region, for one
 * environment: SES identity, the three trigger functions, the user pool and
 * app client, the identity pool, the sign-in metrics, alarms and dashboard,
 * and the outputs clients and operators are configured from.
 */
export class SignInStack extends TerraformStack {
  readonly config: EnvironmentConfig;
  readonly emailIdentity: EmailIdentity;
  readonly stateTable: SignInStateTable;
  readonly triggers: Readonly<Record<TriggerName, TriggerFunction>>;
  readonly userPool: UserPool;
  readonly identityPool: IdentityPool;
  readonly metricFilters: SignInMetricFilters;
  readonly alarmTopic: AlarmTopic;
  readonly alarms: SignInAlarms;
  readonly dashboard: SignInDashboard;
  /** Undefined where the environment turns WAF off. */
  readonly firewall: UserPoolFirewall | undefined;
  /** Bounce, complaint, reject and delay events; undefined when the configuration set is not the stack's own. */
  sesEvents: SesEventPublishing | undefined;
  mailFrom: MailFromDomain | undefined;

  constructor(scope: Construct, config: EnvironmentConfig, options: SignInStackOptions) {
    const stackName = stackNameOf(config);
    super(scope, stackName);
    this.config = config;
    this.configureTerraform(stackName);

    this.emailIdentity = new EmailIdentity(this, 'email', { email: config.email, region: config.region });
    this.stateTable = new SignInStateTable(this, 'sign_in_state', {
      name: `${stackName}-sign-in-state`,
      deletionProtection: config.deletionProtection,
      preventDestroy: preventsDestroy(config),
      pointInTimeRecovery: config.stateTable.pointInTimeRecovery,
    });
    this.addEmailOperations(stackName);
    this.triggers = this.createTriggers(stackName, options);
    this.userPool = this.createUserPool(stackName);
    this.identityPool = new IdentityPool(this, 'identity_pool', {
      name: stackName,
      userPoolClientId: this.userPool.client.id,
      userPoolProviderName: this.userPool.pool.endpoint,
    });

    // Operations: metrics from the triggers' log lines, alarms on one topic, one dashboard.
    this.metricFilters = new SignInMetricFilters(this, 'metrics', {
      namespace: metricNamespaceOf(config),
      logGroupNames: perTrigger((name) => this.triggers[name].logGroup.name),
    });
    this.alarmTopic = new AlarmTopic(this, 'alarm_topic', {
      name: `${stackName}-alarms`,
      region: config.region,
      alarmNamePrefix: `${stackName}-`,
      email: config.alarms.email,
    });
    this.alarms = this.createAlarms(stackName);
    this.firewall = this.createFirewall(stackName);
    this.dashboard = this.createDashboard(stackName);

    this.defineOutputs();
  }

  /** The AWS provider, pinned to one account and one provider release, and where the state lives. */
  private configureTerraform(stackName: string): void {
    const { config } = this;
    new AwsProvider(this, 'aws', {
      region: config.region,
      // Credentials of any other account fail at plan, before anything changes.
      allowedAccountIds: [config.accountId],
      defaultTags: [{ tags: { ...config.tags } }],
    });
    // The generated binding only asks for "~> 5.0"; pin the exact release it was generated from.
    this.addOverride('terraform.required_providers.aws.version', AWS_PROVIDER_VERSION);
    configureStateBackend(this, config.state, { stackName, region: config.region });
  }

  /** The three functions, each with only the permissions and files its trigger needs. */
  private createTriggers(stackName: string, options: SignInStackOptions): Record<TriggerName, TriggerFunction> {
    const { config } = this;
    const trigger = (name: TriggerName, extraStatements: readonly DataAwsIamPolicyDocumentStatement[] = [], extraFiles: readonly ZipEntry[] = []) =>
      new TriggerFunction(this, name, {
        trigger: name,
        functionName: `${stackName}-${name}`,
        bundleDir: join(options.lambdaBundleRoot, name),
        archiveCacheDir: options.archiveCacheDir,
        environment: triggerEnvironment(name, config, { stateTableName: this.stateTable.table.name }),
        memoryMb: config.lambda.memoryMb,
        logRetentionDays: config.logRetentionDays,
        logLevel: config.lambda.logLevel,
        extraStatements,
        extraFiles,
      });
    return {
      'define-auth-challenge': trigger('define-auth-challenge'),
      'create-auth-challenge': trigger(
        'create-auth-challenge',
        [this.emailIdentity.sendStatement(), this.stateTable.itemAccessStatement()],
        createFunctionFiles(config, options.emailTemplateRoot),
      ),
      'verify-auth-challenge': trigger('verify-auth-challenge', [this.stateTable.itemAccessStatement()]),
    };
  }

  /** The user pool and app client, wired to the triggers, which it alone may invoke. */
  private createUserPool(stackName: string): UserPool {
    const { config } = this;
    const userPool = new UserPool(this, 'user_pool', {
      name: stackName,
      tier: userPoolTierOf(config),
      threatProtection: config.threatProtection,
      deletionProtection: config.deletionProtection,
      authSessionValidityMinutes: authSessionValidityMinutes(config.signIn.codeTtlSeconds),
      triggerArns: {
        defineAuthChallenge: this.triggers['define-auth-challenge'].function.arn,
        createAuthChallenge: this.triggers['create-auth-challenge'].function.arn,
        verifyAuthChallengeResponse: this.triggers['verify-auth-challenge'].function.arn,
      },
      email: {
        sourceArn: this.emailIdentity.identity.arn,
        from: config.email.from,
        configurationSetName: this.emailIdentity.configurationSetName,
      },
    });
    // Users and their sub cannot be recreated: a protected environment's Terraform refuses any plan that would destroy the pool.
    if (preventsDestroy(config)) userPool.pool.lifecycle = { preventDestroy: true };
    for (const name of TRIGGER_NAMES) this.triggers[name].allowInvocationByUserPool(userPool.pool.arn);
    return userPool;
  }

  private createAlarms(stackName: string): SignInAlarms {
    return new SignInAlarms(this, 'alarms', {
      alarmNamePrefix: `${stackName}-`,
      namespace: this.metricFilters.namespace,
      topicArn: this.alarmTopic.topic.arn,
      functionNames: this.functionNames(),
      thresholds: this.config.alarms,
      stateTable: { tableName: this.stateTable.table.name, operations: STATE_TABLE_OPERATIONS },
    });
  }

  /** AWS WAF in front of the user pool, unless the environment turns it off. */
  private createFirewall(stackName: string): UserPoolFirewall | undefined {
    const { config } = this;
    if (!config.waf.enabled) return undefined;
    return new UserPoolFirewall(this, 'firewall', {
      name: `${stackName}-user-pool`,
      region: config.region,
      userPoolArn: this.userPool.pool.arn,
      settings: config.waf,
      alarmNamePrefix: `${stackName}-`,
      topicArn: this.alarmTopic.topic.arn,
    });
  }

  private createDashboard(stackName: string): SignInDashboard {
    const { firewall } = this;
    return new SignInDashboard(this, 'dashboard', {
      name: stackName,
      stackName,
      region: this.config.region,
      namespace: this.metricFilters.namespace,
      functionNames: this.functionNames(),
      alarmArns: [...this.alarms.alarms, ...(firewall === undefined ? [] : [firewall.alarm])].map((alarm) => alarm.arn),
      stateTable: { tableName: this.stateTable.table.name, operations: STATE_TABLE_OPERATIONS },
      thresholds: {
        durationP99Ms: TRIGGER_DURATION_P99_THRESHOLD_MS,
        sesBounceRate: SES_BOUNCE_RATE_THRESHOLD,
        sesComplaintRate: SES_COMPLAINT_RATE_THRESHOLD,
      },
      runbook: RUNBOOK_FILE,
      extraWidgets: firewall === undefined ? [] : [firewall.dashboardWidget(EXTRA_WIDGETS_Y)],
    });
  }

  /** Each trigger's Lambda function name. */
  private functionNames(): Record<TriggerName, string> {
    return perTrigger((name) => this.triggers[name].function.functionName);
  }

  /** SES event destinations and suppression, and the optional custom MAIL FROM domain. */
  private addEmailOperations(stackName: string): void {
    const { email } = this.config;
    const identity = this.emailIdentity;
    if (email.configurationSet?.manage === true && identity.configurationSetName !== undefined && identity.configurationSetArn !== undefined) {
      this.sesEvents = new SesEventPublishing(this, 'ses_events', {
        configurationSetName: identity.configurationSetName,
        configurationSetLiteralName: email.configurationSet.name,
        configurationSetArn: identity.configurationSetArn,
        topicName: `${stackName}-ses-events`,
        accountId: this.config.accountId,
      });
      new TerraformOutput(this, OUTPUT_NAMES.sesEventsTopicArn, {
        value: this.sesEvents.topic.arn,
        description: 'SNS topic of SES bounce, complaint, reject and delivery-delay events (subscribe a handler)',
      });
    }
    if (email.manageAccountSuppression) {
      new Sesv2AccountSuppressionAttributes(this, 'ses_account_suppression', { suppressedReasons: [...SUPPRESSED_REASONS] });
    }
    if (email.mailFromDomain !== undefined) {
      this.mailFrom = new MailFromDomain(this, 'ses_mail_from', {
        emailIdentity: identity.identity.emailIdentity,
        mailFromDomain: email.mailFromDomain,
        region: this.config.region,
      });
      new TerraformOutput(this, OUTPUT_NAMES.sesMailFromRecords, {
        value: this.mailFrom.records,
        description: 'DNS records (MX and SPF TXT) to publish for the custom MAIL FROM domain',
      });
    }
  }

  private defineOutputs(): void {
    const output = (id: string, value: unknown, description: string) =>
      new TerraformOutput(this, id, { value, description });
    output(OUTPUT_NAMES.region, this.config.region, 'AWS region of every resource');
    output(OUTPUT_NAMES.userPoolId, this.userPool.pool.id, 'Cognito user pool id');
    output(OUTPUT_NAMES.userPoolArn, this.userPool.pool.arn, 'Cognito user pool ARN');
    output(OUTPUT_NAMES.userPoolClientId, this.userPool.client.id, 'App client id (no secret)');
    output(OUTPUT_NAMES.identityPoolId, this.identityPool.pool.id, 'Cognito identity pool id');
    output(OUTPUT_NAMES.functionNames, this.functionNames(), 'Lambda function name of each trigger');
    output(OUTPUT_NAMES.sesIdentity, this.emailIdentity.identity.emailIdentity, 'SES identity the email is sent through');
    output(OUTPUT_NAMES.sesIdentityArn, this.emailIdentity.identity.arn, 'ARN of the SES identity');
    output(
      OUTPUT_NAMES.sesIdentityVerified,
      this.emailIdentity.identity.verifiedForSendingStatus,
      'Whether SES lets the identity send yet (false until verified)',
    );
    output(OUTPUT_NAMES.alarmTopicArn, this.alarmTopic.topic.arn, 'SNS topic every alarm notifies (subscribe on-call tools to it)');
    output(OUTPUT_NAMES.dashboardName, this.dashboard.dashboard.dashboardName, 'CloudWatch dashboard of the sign-in');
    output(OUTPUT_NAMES.signInStateTable, this.stateTable.table.name, 'DynamoDB table of per-user sign-in state');
    const dkimRecords = this.emailIdentity.dkimRecords();
    if (dkimRecords !== undefined) {
      output(OUTPUT_NAMES.sesDkimRecords, dkimRecords, 'DNS CNAME records (name => value) to publish for Easy DKIM');
    }
  }
}
