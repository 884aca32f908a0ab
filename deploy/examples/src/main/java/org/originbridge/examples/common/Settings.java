package org.originbridge.examples.common;

import java.util.HashMap;
import java.util.Map;

/**
 * An example's settings: {@code --name=value} arguments, else the environment variable
 * {@code NAME} (upper case, dashes as underscores), else the default.
 */
public final class Settings {

    private final Map<String, String> arguments = new HashMap<>();
    private final Map<String, String> environment;

    public Settings(String[] args, Map<String, String> environment) {
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments look like --name=value, not " + arg);
            }
            arguments.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        this.environment = environment;
    }

    public static Settings of(String[] args) {
        return new Settings(args, System.getenv());
    }

    public String get(String name, String fallback) {
        String value = arguments.get(name);
        if (value == null) {
            value = environment.get(name.toUpperCase().replace('-', '_'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    public String require(String name) {
        String value = get(name, null);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name + "=... (or the environment variable "
                    + name.toUpperCase().replace('-', '_') + ")");
        }
        return value;
    }
}
