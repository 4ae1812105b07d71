package nl.fotadesk.client;

import com.fasterxml.jackson.databind.JavaType;
import nl.fotadesk.protocol.api.Page;

import java.util.List;

/** The type an answer's JSON is read as, keeping its Java type so calls need no casts. */
record JsonType<T>(JavaType javaType) {
    static <T> JsonType<T> of(Class<T> type) {
        return new JsonType<>(ApiTransport.JSON.constructType(type));
    }

    static <E> JsonType<List<E>> listOf(Class<E> element) {
        return new JsonType<>(ApiTransport.JSON.getTypeFactory().constructCollectionType(List.class, element));
    }

    static <E> JsonType<Page<E>> pageOf(Class<E> element) {
        return new JsonType<>(ApiTransport.JSON.getTypeFactory().constructParametricType(Page.class, element));
    }
}
