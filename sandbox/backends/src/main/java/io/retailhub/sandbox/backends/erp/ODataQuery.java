package io.retailhub.sandbox.backends.erp;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.retailhub.sandbox.backends.erp.Edm.EntityType;
import io.retailhub.sandbox.backends.erp.Edm.Navigation;

/**
 * The system query options of one request ({@code $filter}, {@code $orderby}, {@code $top},
 * {@code $skip}, {@code $inlinecount}, {@code $expand}, {@code $select}, {@code $format}),
 * checked against the entity type. Unknown {@code $} options and non-JSON formats are refused;
 * other parameters (such as {@code sap-client}) are ignored, as Gateway does.
 */
record ODataQuery(ODataFilter.Filter filter, Comparator<ODataEntity> orderBy, int skip, Integer top,
		boolean inlineCount, Expand expand, Set<String> select) {

	private static final Set<String> OPTIONS = Set.of("$filter", "$orderby", "$top", "$skip", "$inlinecount",
			"$expand", "$select", "$format", "$skiptoken");

	/** A page of a collection and, for {@code $inlinecount=allpages}, the size before paging. */
	record Page(List<ODataEntity> entities, int count) {
	}

	/** The navigation paths to expand, as a tree: {@code to_Item,to_Item/to_PricingElement}. */
	record Expand(Map<String, Expand> children) {

		static final Expand NONE = new Expand(Map.of());

		boolean has(String navigation) {
			return children.containsKey(navigation);
		}

		Expand child(String navigation) {
			return children.getOrDefault(navigation, NONE);
		}

		static Expand parse(String option, EntityType type) {
			if (option == null || option.isBlank()) {
				return NONE;
			}
			Map<String, Object> root = new LinkedHashMap<>();
			for (String path : option.split(",")) {
				Map<String, Object> node = root;
				EntityType current = type;
				for (String segment : path.strip().split("/")) {
					EntityType from = current;
					Navigation navigation = from.navigation(segment)
						.orElseThrow(() -> ODataException.badQuery(
								"Property " + segment + " not found in type " + from.name() + " (in $expand)"));
					current = navigation.target();
					@SuppressWarnings("unchecked")
					Map<String, Object> child = (Map<String, Object>) node.computeIfAbsent(segment,
							k -> new LinkedHashMap<String, Object>());
					node = child;
				}
			}
			return of(root);
		}

		@SuppressWarnings("unchecked")
		private static Expand of(Map<String, Object> node) {
			Map<String, Expand> children = new LinkedHashMap<>();
			node.forEach((name, child) -> children.put(name, of((Map<String, Object>) child)));
			return new Expand(Map.copyOf(children));
		}
	}

	static ODataQuery parse(Map<String, String> parameters, EntityType type) {
		for (String name : parameters.keySet()) {
			if (name.startsWith("$") && !OPTIONS.contains(name)) {
				throw ODataException.badQuery("System query option '" + name + "' is not supported");
			}
		}
		String format = parameters.get("$format");
		if (format != null && !format.equalsIgnoreCase("json")) {
			throw ODataException.badQuery("The sandbox serves $format=json only, not '" + format + "'");
		}
		String filter = parameters.get("$filter");
		ODataFilter.Filter predicate = filter == null || filter.isBlank() ? ODataFilter.Filter.ALL
				: ODataFilter.parse(filter, type);
		String inlineCount = parameters.getOrDefault("$inlinecount", "none");
		if (!inlineCount.equals("allpages") && !inlineCount.equals("none")) {
			throw ODataException.badQuery("Invalid value '" + inlineCount + "' for $inlinecount");
		}
		Integer skip = number(parameters, "$skip");
		return new ODataQuery(predicate, orderBy(parameters.get("$orderby"), type), skip == null ? 0 : skip,
				number(parameters, "$top"), inlineCount.equals("allpages"),
				Expand.parse(parameters.get("$expand"), type), select(parameters.get("$select"), type));
	}

	/**
	 * Equalities every entity this query can answer meets: what a service may look up by index
	 * ({@link ODataService#entities(String, List)}) before {@link #apply} tests the candidates.
	 */
	List<ODataFilter.Equality> required() {
		return filter.required();
	}

	/** Filters, sorts and pages the entities (all of the set, or its candidates in the set's order). */
	Page apply(List<ODataEntity> entities) {
		List<ODataEntity> matching = entities.stream().filter(filter).sorted(orderBy).toList();
		List<ODataEntity> page = matching.stream()
			.skip(skip)
			.limit(top == null ? Long.MAX_VALUE : top)
			.toList();
		return new Page(page, matching.size());
	}

	private static Integer number(Map<String, String> parameters, String option) {
		String value = parameters.get(option);
		if (value == null) {
			return null;
		}
		try {
			int number = Integer.parseInt(value.strip());
			if (number < 0) {
				throw new NumberFormatException();
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw ODataException.badQuery("Invalid value '" + value + "' for " + option);
		}
	}

	private static Comparator<ODataEntity> orderBy(String option, EntityType type) {
		Comparator<ODataEntity> comparator = (a, b) -> 0;
		if (option == null || option.isBlank()) {
			return comparator;
		}
		for (String clause : option.split(",")) {
			String[] parts = clause.strip().split("\\s+");
			String name = parts[0];
			type.property(name)
				.orElseThrow(() -> ODataException.badQuery("Property " + name + " not found in type " + type.name()
						+ " (in $orderby)"));
			boolean descending = parts.length > 1 && parts[1].toLowerCase(Locale.ROOT).equals("desc");
			if (parts.length > 2 || parts.length == 2 && !descending && !parts[1].equalsIgnoreCase("asc")) {
				throw ODataException.badQuery("Invalid $orderby clause '" + clause.strip() + "'");
			}
			Comparator<ODataEntity> byProperty = Comparator.comparing(e -> comparable(e.value(name)),
					Comparator.nullsLast(Comparator.naturalOrder()));
			comparator = comparator.thenComparing(descending ? byProperty.reversed() : byProperty);
		}
		return comparator;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Comparable<Object> comparable(Object value) {
		return (Comparable) value;
	}

	private static Set<String> select(String option, EntityType type) {
		if (option == null || option.isBlank() || option.strip().equals("*")) {
			return Set.of();
		}
		Set<String> selected = new LinkedHashSet<>();
		for (String name : option.split(",")) {
			String property = name.strip();
			if (type.property(property).isEmpty() && type.navigation(property).isEmpty()) {
				throw ODataException.badQuery("Property " + property + " not found in type " + type.name()
						+ " (in $select)");
			}
			selected.add(property);
		}
		return Set.copyOf(selected);
	}
}
