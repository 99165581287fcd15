package io.retailhub.contracts;

/** Why the customer sends an item back (the commerce platform's vocabulary). */
public enum ReturnReason {
	COLOR, DEFECTIVE, DAMAGED, NOT_AS_DESCRIBED, SIZE_TOO_LARGE, SIZE_TOO_SMALL, STYLE, UNWANTED, WRONG_ITEM, OTHER
}
