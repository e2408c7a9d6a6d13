export interface Payload {
  /** Its number: what it passes to `__xssCanary` if it runs. */
  index: number;
  categorie: 'script' | 'handler' | 'url' | 'svg' | 'template' | 'lit' | 'css' | 'unicode';
  texte: string;
}
export const PAYLOADS: Payload[];
