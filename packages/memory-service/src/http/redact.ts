/**
 * Removes credentials from text that may reach a client or a log: passwords in URLs
 * (`libsql://user:secret@host`), token-like query parameters and bearer tokens.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(/(\/\/)[^/\s:@]*:[^/\s@]*@/g, '$1***@')
    .replace(/([?&](?:auth|authToken|auth_token|token|key|apiKey|api_key|password)=)[^&\s]*/gi, '$1***')
    .replace(/(Bearer\s+)\S+/gi, '$1***');
}
