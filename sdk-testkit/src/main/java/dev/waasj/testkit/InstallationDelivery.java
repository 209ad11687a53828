package dev.waasj.testkit;

/**
 * What an app's callback URL answered to an installation callback the emulator delivered (one {@code GET}, no
 * redirect followed).
 *
 * @param url the URL called, query included
 * @param status the HTTP status, or -1 if there was no answer
 * @param body the answer's body; for no answer, why
 */
public record InstallationDelivery(String url, int status, String body) {}
