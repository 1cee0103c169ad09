// The stack's own SES client runs on this machine's Node 20: keep the SDK's Node 22 notice out of the output.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
