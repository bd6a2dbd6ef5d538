package dev.socketiwa.plugin.mojo;

import dev.socketiwa.plugin.core.keys.PemKeys;

/** Where a key passphrase comes from: the Maven parameter if set, else the npm tooling's environment variable. */
final class Passphrases {
    private Passphrases() {
    }

    static char[] resolve(String parameter) {
        if (parameter != null && !parameter.isEmpty()) {
            return parameter.toCharArray();
        }
        String env = System.getenv(PemKeys.PASSPHRASE_ENV);
        return env == null || env.isEmpty() ? null : env.toCharArray();
    }
}
