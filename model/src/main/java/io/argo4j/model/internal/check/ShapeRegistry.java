package io.argo4j.model.internal.check;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.argo4j.model.Amount;
import io.argo4j.model.StringEnum;
import io.argo4j.model.internal.json.AnyStringDeserializer;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Derives the {@link Shape} of model types from what Jackson will use to bind them: record
 * components, fabric8 bean properties, and the deserializers they name.
 */
final class ShapeRegistry {
  private static final Shape ANY = new Shape.Any();
  private static final Shape STRING = new Shape.Str(false);
  private static final Shape ANY_STRING = new Shape.Str(true);

  private final ObjectMapper mapper;
  private final Map<JavaType, Shape> cache = new HashMap<>();

  ShapeRegistry(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  synchronized Shape shapeOf(Class<?> type) {
    return shapeOf(mapper.constructType(type));
  }

  private Shape shapeOf(JavaType type) {
    Class<?> raw = type.getRawClass();
    if (JsonNode.class.isAssignableFrom(raw) || raw == Object.class) {
      return ANY;
    }
    if (raw == String.class) {
      return STRING;
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return new Shape.Bool();
    }
    if (raw == Integer.class || raw == int.class) {
      return new Shape.Int(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    if (raw == Long.class || raw == long.class || raw == BigInteger.class) {
      return new Shape.Int(Long.MIN_VALUE, Long.MAX_VALUE);
    }
    if (raw == Short.class || raw == short.class) {
      return new Shape.Int(Short.MIN_VALUE, Short.MAX_VALUE);
    }
    if (Number.class.isAssignableFrom(raw)
        || raw == double.class
        || raw == float.class
        || raw == Amount.class) {
      return new Shape.Num();
    }
    if (raw == Instant.class) {
      return new Shape.Timestamp();
    }
    if (raw == IntOrString.class) {
      return new Shape.IntOrString();
    }
    if (raw == io.fabric8.kubernetes.api.model.Quantity.class) {
      return new Shape.Quantity();
    }
    if (raw.isEnum() && StringEnum.class.isAssignableFrom(raw)) {
      List<String> values =
          Arrays.stream(raw.getEnumConstants()).map(e -> ((StringEnum) e).value()).toList();
      return new Shape.Enum(label(raw.getSimpleName()), values);
    }
    if (type.isCollectionLikeType() || type.isArrayType()) {
      return new Shape.ListOf(shapeOf(type.getContentType()));
    }
    if (type.isMapLikeType()) {
      return new Shape.MapOf(shapeOf(type.getContentType()));
    }
    Shape cached = cache.get(type);
    if (cached != null) {
      return cached;
    }
    JsonDeserialize custom = raw.getAnnotation(JsonDeserialize.class);
    if (raw.isEnum()
        || raw.isPrimitive()
        || (custom != null && custom.using() != JsonDeserializer.None.class)) {
      // A type that reads itself: leave the checking to its deserializer.
      cache.put(type, ANY);
      return ANY;
    }
    Shape.Obj object = new Shape.Obj(raw.getSimpleName());
    cache.put(type, object);
    BeanDescription description = mapper.getDeserializationConfig().introspect(type);
    Map<String, Shape> properties = new LinkedHashMap<>();
    for (BeanPropertyDefinition property : description.findProperties()) {
      JavaType propertyType;
      if (property.hasConstructorParameter()) {
        propertyType = property.getConstructorParameter().getType();
      } else if (property.hasSetter()) {
        propertyType = property.getSetter().getParameterType(0);
      } else if (property.hasField()) {
        propertyType = property.getField().getType();
      } else {
        continue;
      }
      Shape shape;
      if (isAnyString(property)) {
        shape = propertyType.isCollectionLikeType() ? new Shape.ListOf(ANY_STRING) : ANY_STRING;
      } else {
        shape = shapeOf(propertyType);
      }
      properties.put(property.getName(), shape);
    }
    boolean freeForm = properties.isEmpty() && description.findAnySetterAccessor() != null;
    object.init(properties, freeForm);
    return object;
  }

  private static boolean isAnyString(BeanPropertyDefinition property) {
    List<AnnotatedMember> members = new ArrayList<>();
    members.add(property.getConstructorParameter());
    members.add(property.getField());
    members.add(property.getSetter());
    members.add(property.getGetter());
    return members.stream()
        .filter(Objects::nonNull)
        .map(m -> m.getAnnotation(JsonDeserialize.class))
        .filter(Objects::nonNull)
        .anyMatch(a ->
            a.using() == AnyStringDeserializer.class
                || a.contentUsing() == AnyStringDeserializer.class);
  }

  /** "NodePhase" becomes "node phase". */
  private static String label(String simpleName) {
    return simpleName.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
  }
}
