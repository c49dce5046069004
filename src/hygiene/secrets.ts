/** Names of settings that hold credentials. */
const SECRET_NAME = /(?:^|_)(?:SECRET|TOKEN|PASSWORD|PASSWD|PWD|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CLIENT_SECRET|CREDENTIALS?|AUTH)(?:_|$)|SECRET|PASSWORD|APIKEY/i;
/** Values that are obviously placeholders, whatever their length. */
const PLACEHOLDER = /^(?:$|<.*>|\$\{?\w+\}?|x+|\*+|\.+|-+|(?:your|my|some|replace|change|insert|put|enter|add|example|sample|dummy|fake|test|placeholder|todo|secret|password|token|key|null|none|undefined|empty|default|dev|local|changeme)\b.*|.*(?:example|placeholder|changeme|your[-_]|xxxx|\.\.\.).*)$/i;
/** Token formats that are real credentials wherever they appear. */
const KNOWN_TOKEN = /^(?:sk_live_|rk_live_|sk-[A-Za-z0-9_-]{20,}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_|glpat-|xox[abprs]-|AKIA[0-9A-Z]{16}$|AIza[0-9A-Za-z_-]{35}$|SG\.[\w-]{16,}\.|npm_[A-Za-z0-9]{30,}|-----BEGIN)/;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/**
 * Whether a value given to a setting looks like a real credential rather than a placeholder: a
 * known token format, or a long random-looking value for a setting whose name says it is secret.
 */
export function looksLikeRealSecret(name: string, rawValue: string): boolean {
  const value = rawValue.trim().replace(/^(["'])(.*)\1$/, '$2');
  if (KNOWN_TOKEN.test(value)) return true;
  if (!isSecretName(name) || PLACEHOLDER.test(value) || value.includes('$')) return false;
  // Words joined by `_` or `-` (get_a_key_from_aws) read as instructions, not as a key.
  if (value.length < 12 || /\s/.test(value) || /^[A-Za-z]+(?:[_-][A-Za-z]+)+$/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(value)).length;
  return classes >= 3 || (/\d/.test(value) && /[A-Za-z]/.test(value) && value.length >= 24);
}
