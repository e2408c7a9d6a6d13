// Only the CDN part of rollup.config.mjs (the loader and its chunks): what `npm start` and
// `npm run build:demo` need, without the npm ESM build. Same plugins, same output.
import configs from '../rollup.config.mjs';

const outputsOf = (config) => [config.output].flat().map((output) => output.dir ?? output.file ?? '');
const cdnOnly = configs.filter((config) => outputsOf(config).some((path) => /(^|[\\/])cdn([\\/]|$)/.test(path)));

export default cdnOnly.length > 0 ? cdnOnly : configs;
