/**
 * What the reviewers' pages show, as the templates read it. The types are public only because the pages' expressions
 * are compiled to bytecode, which can call methods of public types alone; being in a sub-package keeps them internal
 * to the review module, as no other module has any use for them.
 */
package cn.qualify.review.web;
