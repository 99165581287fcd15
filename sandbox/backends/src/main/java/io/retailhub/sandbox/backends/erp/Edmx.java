package io.retailhub.sandbox.backends.erp;

import io.retailhub.sandbox.backends.erp.Edm.ComplexType;
import io.retailhub.sandbox.backends.erp.Edm.EntityType;
import io.retailhub.sandbox.backends.erp.Edm.FunctionImport;
import io.retailhub.sandbox.backends.erp.Edm.Navigation;
import io.retailhub.sandbox.backends.erp.Edm.Parameter;
import io.retailhub.sandbox.backends.erp.Edm.Property;
import io.retailhub.sandbox.backends.erp.Edm.Service;
import io.retailhub.sandbox.backends.erp.Edm.Type;

/**
 * Writes a service's {@code $metadata}: EDMX 1.0 with an OData 2.0 schema and the SAP annotations
 * ({@code sap:creatable}, {@code sap:unit}, ...) clients use to learn what they may send.
 */
final class Edmx {

	private Edmx() {
	}

	static String of(Service service) {
		String ns = service.name();
		StringBuilder xml = new StringBuilder(4096);
		xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
			.append("<edmx:Edmx Version=\"1.0\" xmlns:edmx=\"http://schemas.microsoft.com/ado/2007/06/edmx\"")
			.append(" xmlns:m=\"http://schemas.microsoft.com/ado/2007/08/dataservices/metadata\"")
			.append(" xmlns:sap=\"http://www.sap.com/Protocols/SAPData\">\n")
			.append(" <edmx:DataServices m:DataServiceVersion=\"2.0\">\n")
			.append("  <Schema Namespace=\"").append(ns)
			.append("\" xml:lang=\"en\" sap:schema-version=\"1\" xmlns=\"http://schemas.microsoft.com/ado/2008/09/edm\">\n");
		for (EntityType type : service.entityTypes()) {
			entityType(xml, ns, type);
		}
		for (ComplexType type : service.complexTypes()) {
			xml.append("   <ComplexType Name=\"").append(type.name()).append("\">\n");
			type.properties().forEach(p -> property(xml, p));
			xml.append("   </ComplexType>\n");
		}
		for (EntityType type : service.entityTypes()) {
			for (Navigation nav : type.navigations()) {
				String assoc = association(type, nav);
				xml.append("   <Association Name=\"").append(assoc).append("\" sap:content-version=\"1\">\n")
					.append("    <End Type=\"").append(ns).append('.').append(type.name())
					.append("\" Multiplicity=\"1\" Role=\"FromRole_").append(assoc).append("\"/>\n")
					.append("    <End Type=\"").append(ns).append('.').append(nav.target().name())
					.append("\" Multiplicity=\"").append(nav.many() ? "*" : "0..1")
					.append("\" Role=\"ToRole_").append(assoc).append("\"/>\n")
					.append("   </Association>\n");
			}
		}
		xml.append("   <EntityContainer Name=\"").append(ns)
			.append("_Entities\" m:IsDefaultEntityContainer=\"true\" sap:supported-formats=\"atom json xlsx\">\n");
		for (EntityType type : service.entityTypes()) {
			xml.append("    <EntitySet Name=\"").append(type.entitySet()).append("\" EntityType=\"").append(ns)
				.append('.').append(type.name()).append("\" sap:content-version=\"1\"/>\n");
		}
		for (EntityType type : service.entityTypes()) {
			for (Navigation nav : type.navigations()) {
				String assoc = association(type, nav);
				xml.append("    <AssociationSet Name=\"").append(assoc).append("\" Association=\"").append(ns)
					.append('.').append(assoc)
					.append("\" sap:creatable=\"false\" sap:updatable=\"false\" sap:deletable=\"false\" sap:content-version=\"1\">\n")
					.append("     <End EntitySet=\"").append(type.entitySet()).append("\" Role=\"FromRole_").append(assoc)
					.append("\"/>\n")
					.append("     <End EntitySet=\"").append(nav.target().entitySet()).append("\" Role=\"ToRole_")
					.append(assoc).append("\"/>\n")
					.append("    </AssociationSet>\n");
			}
		}
		for (FunctionImport function : service.functionImports()) {
			xml.append("    <FunctionImport Name=\"").append(function.name()).append("\" ReturnType=\"")
				.append(function.many() ? "Collection(" + ns + "." + function.returnType() + ")"
						: ns + "." + function.returnType())
				.append("\" m:HttpMethod=\"GET\">\n");
			for (Parameter parameter : function.parameters()) {
				xml.append("     <Parameter Name=\"").append(parameter.name()).append("\" Type=\"")
					.append(parameter.type().edmName()).append("\" Mode=\"In\"");
				if (parameter.maxLength() != null) {
					xml.append(" MaxLength=\"").append(parameter.maxLength()).append('"');
				}
				if (parameter.type() == Type.DECIMAL) {
					xml.append(" Precision=\"15\" Scale=\"3\"");
				}
				xml.append("/>\n");
			}
			xml.append("    </FunctionImport>\n");
		}
		xml.append("   </EntityContainer>\n  </Schema>\n </edmx:DataServices>\n</edmx:Edmx>\n");
		return xml.toString();
	}

	private static void entityType(StringBuilder xml, String ns, EntityType type) {
		xml.append("   <EntityType Name=\"").append(type.name()).append("\" sap:content-version=\"1\">\n    <Key>");
		type.keys().forEach(k -> xml.append("<PropertyRef Name=\"").append(k.name()).append("\"/>"));
		xml.append("</Key>\n");
		type.properties().forEach(p -> property(xml, p));
		for (Navigation nav : type.navigations()) {
			String assoc = association(type, nav);
			xml.append("    <NavigationProperty Name=\"").append(nav.name()).append("\" Relationship=\"").append(ns)
				.append('.').append(assoc).append("\" FromRole=\"FromRole_").append(assoc).append("\" ToRole=\"ToRole_")
				.append(assoc).append("\"/>\n");
		}
		xml.append("   </EntityType>\n");
	}

	private static void property(StringBuilder xml, Property p) {
		xml.append("    <Property Name=\"").append(p.name()).append("\" Type=\"").append(p.type().edmName()).append('"');
		if (p.key()) {
			xml.append(" Nullable=\"false\"");
		}
		if (p.maxLength() != null) {
			xml.append(" MaxLength=\"").append(p.maxLength()).append('"');
		}
		if (p.precision() != null) {
			xml.append(" Precision=\"").append(p.precision()).append('"');
		}
		if (p.scale() != null) {
			xml.append(" Scale=\"").append(p.scale()).append('"');
		}
		if (p.concurrencyToken()) {
			xml.append(" ConcurrencyMode=\"Fixed\"");
		}
		if (p.type() == Type.DATE_TIME) {
			xml.append(" sap:display-format=\"Date\"");
		}
		if (p.unit() != null) {
			xml.append(" sap:unit=\"").append(p.unit()).append('"');
		}
		if (!p.creatable()) {
			xml.append(" sap:creatable=\"false\" sap:updatable=\"false\"");
		}
		xml.append("/>\n");
	}

	private static String association(EntityType from, Navigation nav) {
		return "assoc_" + from.name().replace("Type", "") + "_" + nav.name();
	}
}
