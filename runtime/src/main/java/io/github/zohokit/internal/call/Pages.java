package io.github.zohokit.internal.call;

import io.github.zohokit.crm.RecordPage;
import io.github.zohokit.internal.session.Authorization;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Every record of a paged list, read lazily: the first page on the first element, each further page when the
 * previous one is used up, following {@code info.next_page_token} (or {@code page} where Zoho gives no token) until
 * {@code more_records} is false. 204 (no records) and 304 (none modified since the {@code If-Modified-Since} the
 * request carries) end it.
 */
final class Pages<T> implements Iterator<T> {
  private final ZohoCall call;
  private final Request first;
  private final Decoder<RecordPage<T>> decoder;
  private HttpUrl next;
  private Iterator<T> current = Collections.emptyIterator();
  private int page;

  Pages(ZohoCall call, Request first, Decoder<RecordPage<T>> decoder) {
    this.call = call;
    this.first = first;
    this.decoder = decoder;
    this.next = first.url();
    this.page = firstPageNumber(first.url());
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext() && next != null) {
      Request request = first;
      if (next != first.url()) {
        // the stream may be read long after the first page: a later page carries the token of that moment
        request = first.newBuilder().url(next).tag(Authorization.class, call.authorization()).build();
      }
      RecordPage<T> result = call.fetchPage(request, decoder);
      if (result == null) {   // 304: nothing modified since the If-Modified-Since the request carries
        next = null;
        break;
      }
      current = result.data().iterator();
      page++;
      next = result.hasMore() && !result.data().isEmpty() ? nextPage(next, result, page) : null;
    }
    return current.hasNext();
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }

  /** Where counting starts: the first page's {@code page} parameter, else 1. */
  private static int firstPageNumber(HttpUrl url) {
    String page = url.queryParameter("page");
    try {
      return page == null ? 1 : Integer.parseInt(page);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static HttpUrl nextPage(HttpUrl url, RecordPage<?> result, int page) {
    String token = result.info().nextPageToken();
    HttpUrl.Builder next = url.newBuilder().removeAllQueryParameters("page").removeAllQueryParameters("page_token");
    if (token != null && !token.isEmpty()) {
      next.addQueryParameter("page_token", token);
    } else {
      next.addQueryParameter("page", Integer.toString(page));
    }
    return next.build();
  }
}
