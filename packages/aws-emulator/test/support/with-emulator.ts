import { startEmulator, type EmulatorHandle, type EmulatorOptions } from "../../src/index.js";

/** Runs `body` against a fresh emulator and stops it afterwards, whatever happens. */
export const withEmulator = async <T>(
  options: EmulatorOptions,
  body: (emulator: EmulatorHandle) => Promise<T>,
): Promise<T> => {
  const emulator = await startEmulator(options);
  try {
    return await body(emulator);
  } finally {
    await emulator.stop();
  }
};
