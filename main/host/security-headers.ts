export { contentSecurityPolicy, securityHeaders } from '../../shared/security/csp';
