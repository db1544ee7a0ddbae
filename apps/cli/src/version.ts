import packageJson from '../package.json' with { type: 'json' };

/** The version of this memory-cli (the fixed release group's version). */
export const CLI_VERSION: string = packageJson.version;
