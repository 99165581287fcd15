package io.retailhub.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of a benchmark program: {@code --name=value} options, and
 * {@code --service:property=value} for one service's Spring property. A blank argument is skipped;
 * an option given twice takes its last value.
 *
 * @param options the options by name, in the order given
 * @param overrides per service (every one of {@code services}, empty when none was given), its
 * properties
 */
record Arguments(Map<String, String> options, Map<String, Map<String, String>> overrides) {

	/** @throws IllegalArgumentException naming the argument, with {@code usage} */
	static Arguments parse(String[] args, List<String> services, String usage) {
		Map<String, String> options = new LinkedHashMap<>();
		Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
		services.forEach(service -> overrides.put(service, new LinkedHashMap<>()));
		for (String arg : args) {
			if (arg.isBlank()) {
				continue;
			}
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("expected --name=value, got '" + arg + "'\n" + usage);
			}
			String name = arg.substring(2, arg.indexOf('='));
			String value = arg.substring(arg.indexOf('=') + 1);
			int colon = name.indexOf(':');
			if (colon > 0) {
				String service = name.substring(0, colon);
				if (!overrides.containsKey(service)) {
					throw new IllegalArgumentException("unknown service '" + service + "' in " + arg + "\n" + usage);
				}
				overrides.get(service).put(name.substring(colon + 1), value);
				continue;
			}
			options.remove(name);
			options.put(name, value);
		}
		return new Arguments(options, overrides);
	}
}
