import { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { type DashboardBody, dashboardBody, type DashboardInput } from '../monitoring/dashboard-body.js';

export interface SignInDashboardProps extends DashboardInput {
  /** Letters, digits, "-" and "_" only (CloudWatch's rule). */
  readonly name: string;
}

/** The environment's one CloudWatch dashboard (layout in `dashboardBody`). */
export class SignInDashboard extends Construct {
  readonly dashboard: CloudwatchDashboard;
  /** What the dashboard shows, before Terraform encodes it (references to functions and alarms unresolved). */
  readonly body: DashboardBody;

  constructor(scope: Construct, id: string, props: SignInDashboardProps) {
    super(scope, id);
    this.body = dashboardBody(props);
    this.dashboard = new CloudwatchDashboard(this, 'dashboard', {
      dashboardName: props.name,
      // Terraform's jsonencode, not JSON.stringify: the body holds references (function names,
      // alarm ARNs), and CDKTF 0.21's HCL output mangles a literal string that mixes quotes and
      // references (`synth-hcl` would write invalid HCL).
      dashboardBody: Fn.jsonencode(this.body),
    });
  }
}
