package cn.qualify.review;

import java.util.List;

/**
 * One page of a queue.
 *
 * @param next the cursor of the following page ({@code after}), null on the last page
 */
record QueuePage(int year, List<QueueItem> items, String next) {}
