/** The part of autocannon 9 that load.ts uses (the package ships no types). */
declare module 'autocannon' {
  interface Requete {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (requete: Requete) => Requete;
  }
  interface Statistique {
    average: number;
    p50: number;
    p99: number;
    max: number;
  }
  interface Resultat {
    requests: Statistique & { total: number };
    latency: Statistique;
    throughput: Statistique;
    non2xx: number;
    errors: number;
    timeouts: number;
    duration: number;
    '2xx': number;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: Requete[];
  }
  function autocannon(options: Options): Promise<Resultat>;
  export default autocannon;
}
