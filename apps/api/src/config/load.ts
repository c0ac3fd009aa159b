import { AppConfig, ConfigError, loadConfig } from './app-config';

/** Entry points call this first: a bad environment stops the process with one clear message. */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
