/**
 * Token buckets in memory: `parMinute` requests per minute per key, with bursts up to the same
 * number. The refusal says exactly when the next token comes, which becomes Retry-After.
 * Limits hold per server process; several servers behind a balancer each apply their own.
 */
interface Seau {
  jetons: number;
  /** ms timestamp of the last refill */
  le: number;
}

/** Past this many keys, full buckets (idle clients) are dropped so memory stays bounded. */
const CLES_MAX = 10_000;

export class Limiteur {
  readonly #seaux = new Map<string, Seau>();
  readonly #parMs: number;

  constructor(
    readonly parMinute: number,
    private readonly maintenant: () => number,
  ) {
    this.#parMs = parMinute / 60_000;
  }

  /** Takes one token for `cle`: null when allowed, else the seconds to wait. */
  consommer(cle: string): number | null {
    const t = this.maintenant();
    const seau = this.#remplir(this.#seaux.get(cle) ?? { jetons: this.parMinute, le: t }, t);
    if (seau.jetons >= 1) {
      seau.jetons -= 1;
      this.#seaux.set(cle, seau);
      if (this.#seaux.size > CLES_MAX) this.#elaguer(t);
      return null;
    }
    this.#seaux.set(cle, seau);
    return Math.max(1, Math.ceil((1 - seau.jetons) / this.#parMs / 1000));
  }

  #remplir(seau: Seau, t: number): Seau {
    return { jetons: Math.min(this.parMinute, seau.jetons + (t - seau.le) * this.#parMs), le: t };
  }

  #elaguer(t: number): void {
    for (const [cle, seau] of this.#seaux) {
      if (this.#remplir(seau, t).jetons >= this.parMinute) this.#seaux.delete(cle);
    }
  }
}
