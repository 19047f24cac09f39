/**
 * Migration files as text, read and compared the same way by the processor and the runtime:
 * strict UTF-8 with the place of a bad byte, line numbers, checksums that ignore line endings.
 */
package dev.nanoka.core.text;
