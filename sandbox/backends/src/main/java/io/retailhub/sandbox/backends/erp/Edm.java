package io.retailhub.sandbox.backends.erp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The entity data model (OData V2 CSDL) of the simulated services: one declaration drives the
 * {@code $metadata} document, the checks on {@code $filter}/{@code $orderby}/{@code $select}, and
 * which fields a deep insert may set. A read-only property ({@code sap:creatable="false"}) in a
 * create is refused ({@link DeepInsert}): the server computes it, and a client that sends it would
 * otherwise believe it was taken.
 */
final class Edm {

	private Edm() {
	}

	enum Type {

		STRING("Edm.String"), DECIMAL("Edm.Decimal"), DATE_TIME("Edm.DateTime"),
		DATE_TIME_OFFSET("Edm.DateTimeOffset"), BOOLEAN("Edm.Boolean");

		private final String edmName;

		Type(String edmName) {
			this.edmName = edmName;
		}

		String edmName() {
			return edmName;
		}
	}

	/**
	 * One property. {@code unit} names the property holding its currency or unit of measure
	 * ({@code sap:unit}); {@code precision}/{@code scale} apply to decimals, {@code maxLength} to
	 * strings.
	 */
	record Property(String name, Type type, Integer maxLength, Integer precision, Integer scale, boolean key,
			boolean creatable, String unit, boolean concurrencyToken) {

		static Property key(String name, int maxLength) {
			return new Property(name, Type.STRING, maxLength, null, null, true, false, null, false);
		}

		static Property string(String name, int maxLength) {
			return new Property(name, Type.STRING, maxLength, null, null, false, true, null, false);
		}

		static Property decimal(String name, int precision, int scale, String unit) {
			return new Property(name, Type.DECIMAL, null, precision, scale, false, true, unit, false);
		}

		/** A currency amount as SAP declares it: Decimal(16,3) in the transaction currency. */
		static Property amount(String name) {
			return decimal(name, 16, 3, "TransactionCurrency").readOnly();
		}

		/** A date field (Edm.DateTime, display-format Date, 00:00 UTC). */
		static Property date(String name) {
			return new Property(name, Type.DATE_TIME, null, 0, null, false, true, null, false);
		}

		/** An {@code Edm.Boolean} flag the server sets. */
		static Property flag(String name) {
			return new Property(name, Type.BOOLEAN, null, null, null, false, false, null, false);
		}

		/** {@code LastChangeDateTime}: the concurrency token and ETag source. */
		static Property lastChange(String name) {
			return new Property(name, Type.DATE_TIME_OFFSET, null, 7, null, false, false, null, true);
		}

		Property readOnly() {
			return new Property(name, type, maxLength, precision, scale, key, false, unit, concurrencyToken);
		}
	}

	/**
	 * A navigation property to another entity type of the same service. {@code deepInsert} says
	 * whether a create may carry the target inline (SAP's association sets are
	 * {@code sap:creatable="false"} where it may not, as for pricing elements).
	 */
	record Navigation(String name, EntityType target, boolean many, boolean deepInsert) {
	}

	/**
	 * An entity type and its entity set. Properties and navigations keep their declaration order
	 * (for {@code $metadata} and output) and are also looked up by name in constant time, since
	 * every entity built and every query parsed asks for them. Equal only to itself.
	 */
	static final class EntityType {

		private final String name;

		private final String entitySet;

		private final List<Property> properties;

		private final List<Navigation> navigations;

		private final Map<String, Property> propertiesByName;

		private final Map<String, Navigation> navigationsByName;

		private final List<Property> keys;

		private final Property concurrencyToken;

		EntityType(String name, String entitySet, List<Property> properties, List<Navigation> navigations) {
			this.name = name;
			this.entitySet = entitySet;
			this.properties = List.copyOf(properties);
			this.navigations = List.copyOf(navigations);
			this.propertiesByName = byName(this.properties, Property::name);
			this.navigationsByName = byName(this.navigations, Navigation::name);
			this.keys = this.properties.stream().filter(Property::key).toList();
			this.concurrencyToken = this.properties.stream().filter(Property::concurrencyToken).findFirst().orElse(null);
		}

		private static <T> Map<String, T> byName(List<T> declared, Function<T, String> name) {
			Map<String, T> byName = new HashMap<>();
			declared.forEach(d -> byName.putIfAbsent(name.apply(d), d));
			return Map.copyOf(byName);
		}

		String name() {
			return name;
		}

		String entitySet() {
			return entitySet;
		}

		/** In declaration order. */
		List<Property> properties() {
			return properties;
		}

		/** In declaration order. */
		List<Navigation> navigations() {
			return navigations;
		}

		Optional<Property> property(String propertyName) {
			return Optional.ofNullable(propertiesByName.get(propertyName));
		}

		Optional<Navigation> navigation(String navigationName) {
			return Optional.ofNullable(navigationsByName.get(navigationName));
		}

		/** The key properties, in declaration order. */
		List<Property> keys() {
			return keys;
		}

		/** The property the ETag comes from, if the type has one. */
		Optional<Property> concurrencyToken() {
			return Optional.ofNullable(concurrencyToken);
		}

		/** The entity types reachable from this one, this one first. */
		List<EntityType> withReachable() {
			List<EntityType> all = new ArrayList<>();
			collect(this, all);
			return all;
		}

		private static void collect(EntityType type, List<EntityType> into) {
			if (into.stream().anyMatch(t -> t.name().equals(type.name()))) {
				return;
			}
			into.add(type);
			type.navigations().forEach(n -> collect(n.target(), into));
		}

		@Override
		public String toString() {
			return "EntityType[" + name + "]";
		}
	}

	record Parameter(String name, Type type, Integer maxLength) {
	}

	/** A function import (HTTP GET) returning one complex value or a collection of them. */
	record FunctionImport(String name, String returnType, boolean many, List<Parameter> parameters) {
	}

	record ComplexType(String name, List<Property> properties) {
	}

	/** One OData service: what {@code $metadata} describes. */
	record Service(String name, List<EntityType> entityTypes, List<ComplexType> complexTypes,
			List<FunctionImport> functionImports) {

		Optional<EntityType> entitySet(String entitySetName) {
			return entityTypes.stream().filter(t -> t.entitySet().equals(entitySetName)).findFirst();
		}

		Optional<FunctionImport> functionImport(String functionName) {
			return functionImports.stream().filter(f -> f.name().equals(functionName)).findFirst();
		}
	}
}
