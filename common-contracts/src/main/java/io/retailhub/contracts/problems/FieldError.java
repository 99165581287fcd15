package io.retailhub.contracts.problems;

/** One invalid input field: a JSON path such as {@code lines[0].quantity}, and what is wrong with it. */
public record FieldError(String field, String message) {
}
