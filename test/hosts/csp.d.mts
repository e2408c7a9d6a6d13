// Types of csp.mjs (plain JavaScript, so the test server and the docs scripts run it as is).
export declare const OPENDATA_ORIGIN: string;
export declare const TRUSTED_TYPES_POLICIES: readonly string[];
export declare function hostCsp(options: { cdn: string; api: string; opendata?: boolean; images?: string[] }): string;
export declare const STRICTEST_TEST_CSP: string;
export declare const ISSUE_CSP: string;
