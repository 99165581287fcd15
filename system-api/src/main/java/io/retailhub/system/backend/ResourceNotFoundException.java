package io.retailhub.system.backend;

/** The backend does not know the thing asked for. Answered as 404; never retried. */
public class ResourceNotFoundException extends RuntimeException {

	private final String resource;

	private final String id;

	public ResourceNotFoundException(String resource, String id) {
		super(resource + " '" + id + "' was not found");
		this.resource = resource;
		this.id = id;
	}

	public String resource() {
		return resource;
	}

	public String id() {
		return id;
	}
}
