package io.retailhub.experience.agent;

/**
 * Something an agent can do now, with the request that does it.
 *
 * @param name {@code START_RETURN}, {@code CANCEL_RETURN}, {@code RESUME_RETURN} or {@code ADD_CASE_COMMENT}
 * @param method the HTTP method
 * @param href the path to call
 * @param target the return or case it acts on; null for START_RETURN
 */
record Action(String name, String method, String href, String target) {

	static Action startReturn(String orderId) {
		return new Action("START_RETURN", "POST", AgentApi.PATH + "/orders/" + orderId + "/returns", null);
	}

	static Action cancelReturn(String returnId) {
		return new Action("CANCEL_RETURN", "POST", AgentApi.PATH + "/returns/" + returnId + "/cancellation", returnId);
	}

	static Action resumeReturn(String returnId) {
		return new Action("RESUME_RETURN", "POST", AgentApi.PATH + "/returns/" + returnId + "/resumption", returnId);
	}

	static Action addCaseComment(String caseId) {
		return new Action("ADD_CASE_COMMENT", "POST", AgentApi.PATH + "/cases/" + caseId + "/comments", caseId);
	}
}
