package io.argo4j.expr.internal;

import io.argo4j.expr.ExprFunction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sprig functions Argo exposes as {@code sprig.*} (sprig.GenericFuncMap without env and
 * expandenv). Arguments follow sprig's template order: the piped value comes last ({@code
 * sprig.trimAll("$", s)}). Conversions are sprig's lenient ones: {@code sprig.int("x")} is 0.
 * Functions that need keys, certificates or a network ({@link #UNSUPPORTED}) fail with a clear
 * error instead of being approximated.
 */
public final class Sprig {
  private Sprig() {}

  /** Sprig functions that exist upstream but are deliberately not implemented here. */
  public static final Set<String> UNSUPPORTED =
      Set.of(
          "bcrypt",
          "htpasswd",
          "genPrivateKey",
          "derivePassword",
          "buildCustomCert",
          "genCA",
          "genCAWithKey",
          "genSelfSignedCert",
          "genSelfSignedCertWithKey",
          "genSignedCert",
          "genSignedCertWithKey",
          "encryptAES",
          "decryptAES",
          "getHostByName");

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final Map<String, Object> FUNCS = build();

  /** The immutable {@code sprig} map placed in every expression environment. */
  public static Map<String, Object> functions() {
    return FUNCS;
  }

  // ------------------------------------------------------------------ conversions

  /** sprig's strval: strings as is, everything else with %v. */
  static String strval(Object v) {
    if (v instanceof String s) {
      return s;
    }
    return GoFmt.v(v);
  }

  /** cast.ToInt64E, with errors turned into 0 as sprig does. */
  static long toInt64(Object v) {
    if (v == null) {
      return 0;
    }
    if (Ops.isInt(v)) {
      return ((Number) v).longValue();
    }
    if (Ops.isFloat(v)) {
      return (long) ((Number) v).doubleValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof Duration d) {
      return d.toNanos();
    }
    if (v instanceof String s) {
      String t = s;
      // cast trims a zero decimal part: "5.0" -> "5"
      if (t.matches("[+-]?\\d+\\.0*")) {
        t = t.substring(0, t.indexOf('.'));
      }
      try {
        return parseIntBase0(t);
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  private static long parseIntBase0(String s) {
    String t = s.replace("_", "");
    boolean neg = t.startsWith("-");
    if (neg || t.startsWith("+")) {
      t = t.substring(1);
    }
    long v;
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.startsWith("0x")) {
      v = Long.parseLong(t.substring(2), 16);
    } else if (lower.startsWith("0b")) {
      v = Long.parseLong(t.substring(2), 2);
    } else if (lower.startsWith("0o")) {
      v = Long.parseLong(t.substring(2), 8);
    } else if (t.length() > 1 && t.startsWith("0")) {
      v = Long.parseLong(t.substring(1), 8);
    } else {
      if (t.isEmpty() || !t.chars().allMatch(Character::isDigit)) {
        throw new NumberFormatException(s);
      }
      v = Long.parseLong(t);
    }
    return neg ? -v : v;
  }

  /** cast.ToFloat64E with errors as 0. */
  static double toFloat64(Object v) {
    if (v == null) {
      return 0;
    }
    if (Ops.isNumber(v)) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof String s) {
      Double d = Builtins.parseGoFloat(s);
      return d == null ? 0 : d;
    }
    return 0;
  }

  static List<Object> toList(String fn, Object v) {
    if (v instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    if (v == null) {
      throw EvalError.of("Cannot find %s on type <nil>", fn);
    }
    throw EvalError.of("Cannot find %s on type %s", fn, Ops.typeName(v));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> toMap(String fn, Object v) {
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw EvalError.of(
        "%s: wrong type for value; expected map[string]interface {}; got %s", fn, Ops.typeName(v));
  }

  /** sprig's empty(): zero values are empty. */
  static boolean empty(Object v) {
    if (v == null) {
      return true;
    }
    if (v instanceof String s) {
      return s.isEmpty();
    }
    if (v instanceof Boolean b) {
      return !b;
    }
    if (Ops.isInt(v)) {
      return ((Number) v).longValue() == 0;
    }
    if (Ops.isFloat(v)) {
      return ((Number) v).doubleValue() == 0;
    }
    if (v instanceof List<?> l) {
      return l.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return m.isEmpty();
    }
    if (v instanceof Duration d) {
      return d.isZero();
    }
    return false;
  }

  private static ZonedDateTime toTime(Object v, ZoneId zone) {
    if (v instanceof ZonedDateTime t) {
      return t.withZoneSameInstant(zone);
    }
    if (Ops.isNumber(v)) {
      return ZonedDateTime.ofInstant(Instant.ofEpochSecond(toInt64(v)), zone);
    }
    // sprig formats the current time for anything else
    return Ctx.now().withZoneSameInstant(zone);
  }

  // ------------------------------------------------------------------ registry

  private interface F {
    Object call(List<Object> a);
  }

  private static void def(Map<String, Object> m, String name, int min, int max, F f) {
    m.put(
        name,
        (ExprFunction)
            args -> {
              if (args.size() < min || (max >= 0 && args.size() > max)) {
                throw EvalError.of(
                    "wrong number of args for %s: want %s got %d",
                    name, max == min ? String.valueOf(min) : min + "+", args.size());
              }
              return f.call(args);
            });
  }

  private static String digest(String alg, String s) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance(alg).digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new EvalError(e.getMessage());
    }
  }

  private static String random(String alphabet, long n) {
    StringBuilder sb = new StringBuilder();
    for (long i = 0; i < n; i++) {
      sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String DIGITS = "0123456789";

  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+").matcher(s);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static String title(String s) {
    StringBuilder sb = new StringBuilder();
    boolean prevLetter = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean letter = Character.isLetter(c) || Character.isDigit(c) || c == '_' || c == '\'';
      sb.append(letter && !prevLetter ? Character.toTitleCase(c) : c);
      prevLetter = letter;
    }
    return sb.toString();
  }

  private static Object number(double d, boolean asFloat) {
    return asFloat ? (Object) d : (Object) (long) d;
  }

  private static List<Object> seq(List<Object> a) {
    List<Object> out = new ArrayList<>();
    long start = 1;
    long step;
    long end;
    switch (a.size()) {
      case 1 -> end = toInt64(a.get(0));
      case 2 -> {
        start = toInt64(a.get(0));
        end = toInt64(a.get(1));
      }
      case 3 -> {
        start = toInt64(a.get(0));
        step = toInt64(a.get(1));
        end = toInt64(a.get(2));
        if (step == 0 || (end - start) / step < 0) {
          return out;
        }
        for (long i = start; step > 0 ? i <= end : i >= end; i += step) {
          out.add(i);
        }
        return out;
      }
      default -> {
        return out;
      }
    }
    step = end >= start ? 1 : -1;
    for (long i = start; step > 0 ? i <= end : i >= end; i += step) {
      out.add(i);
      if (out.size() > 10_000_000) {
        throw new EvalError("memory budget exceeded");
      }
    }
    return out;
  }

  private static List<Object> untilStep(long start, long stop, long step) {
    List<Object> out = new ArrayList<>();
    if (step == 0 || (stop < start && step > 0) || (stop > start && step < 0)) {
      return out;
    }
    for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
      out.add(i);
      if (out.size() > 10_000_000) {
        throw new EvalError("memory budget exceeded");
      }
    }
    return out;
  }

  private static Map<String, Object> build() {
    Map<String, Object> m = new TreeMap<>();

    // ---------------- strings
    def(m, "trim", 1, 1, a -> Strings.trimSpace(strval(a.get(0))));
    def(m, "trimAll", 2, 2, a -> Strings.trim(strval(a.get(1)), strval(a.get(0))));
    def(m, "trimall", 2, 2, a -> Strings.trim(strval(a.get(1)), strval(a.get(0))));
    def(
        m,
        "trimPrefix",
        2,
        2,
        a -> {
          String s = strval(a.get(1));
          String p = strval(a.get(0));
          return s.startsWith(p) ? s.substring(p.length()) : s;
        });
    def(
        m,
        "trimSuffix",
        2,
        2,
        a -> {
          String s = strval(a.get(1));
          String p = strval(a.get(0));
          return s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s;
        });
    def(m, "upper", 1, 1, a -> strval(a.get(0)).toUpperCase(Locale.ROOT));
    def(m, "lower", 1, 1, a -> strval(a.get(0)).toLowerCase(Locale.ROOT));
    def(m, "title", 1, 1, a -> title(strval(a.get(0))));
    def(
        m,
        "untitle",
        1,
        1,
        a -> {
          StringBuilder sb = new StringBuilder();
          boolean prev = false;
          for (char c : strval(a.get(0)).toCharArray()) {
            boolean letter = Character.isLetterOrDigit(c);
            sb.append(letter && !prev ? Character.toLowerCase(c) : c);
            prev = letter;
          }
          return sb.toString();
        });
    def(
        m,
        "substr",
        3,
        3,
        a -> {
          String s = strval(a.get(2));
          long start = toInt64(a.get(0));
          long end = toInt64(a.get(1));
          if (start < 0) {
            return s.substring(0, (int) Math.min(Math.max(end, 0), s.length()));
          }
          if (end < 0 || end > s.length()) {
            return s.substring((int) Math.min(start, s.length()));
          }
          return s.substring((int) Math.min(start, end), (int) end);
        });
    def(
        m,
        "repeat",
        2,
        2,
        a -> {
          long n = toInt64(a.get(0));
          String s = strval(a.get(1));
          if (n < 0) {
            throw new EvalError("strings: negative Repeat count");
          }
          if (n * s.length() > 10_000_000) {
            throw new EvalError("memory budget exceeded");
          }
          return s.repeat((int) n);
        });
    def(m, "nospace", 1, 1, a -> strval(a.get(0)).replaceAll("\\s+", ""));
    def(
        m,
        "trunc",
        2,
        2,
        a -> {
          long n = toInt64(a.get(0));
          String s = strval(a.get(1));
          if (n < 0 && s.length() + n > 0) {
            return s.substring((int) (s.length() + n));
          }
          if (n >= 0 && s.length() > n) {
            return s.substring(0, (int) n);
          }
          return s;
        });
    def(
        m,
        "abbrev",
        2,
        2,
        a -> {
          long w = toInt64(a.get(0));
          String s = strval(a.get(1));
          if (w < 4 || s.length() <= w) {
            return s;
          }
          return s.substring(0, (int) w - 3) + "...";
        });
    def(
        m,
        "initials",
        1,
        1,
        a -> {
          StringBuilder sb = new StringBuilder();
          for (String w : strval(a.get(0)).trim().split("\\s+")) {
            if (!w.isEmpty()) {
              sb.appendCodePoint(w.codePointAt(0));
            }
          }
          return sb.toString();
        });
    def(
        m,
        "swapcase",
        1,
        1,
        a -> {
          StringBuilder sb = new StringBuilder();
          for (char c : strval(a.get(0)).toCharArray()) {
            sb.append(
                Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
          }
          return sb.toString();
        });
    def(
        m,
        "snakecase",
        1,
        1,
        a -> String.join("_", words(strval(a.get(0)))).toLowerCase(Locale.ROOT));
    def(
        m,
        "kebabcase",
        1,
        1,
        a -> String.join("-", words(strval(a.get(0)))).toLowerCase(Locale.ROOT));
    def(
        m,
        "camelcase",
        1,
        1,
        a -> {
          StringBuilder sb = new StringBuilder();
          for (String w : strval(a.get(0)).split("_")) {
            if (!w.isEmpty()) {
              sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
          }
          return sb.toString();
        });
    def(m, "contains", 2, 2, a -> strval(a.get(1)).contains(strval(a.get(0))));
    def(m, "hasPrefix", 2, 2, a -> strval(a.get(1)).startsWith(strval(a.get(0))));
    def(m, "hasSuffix", 2, 2, a -> strval(a.get(1)).endsWith(strval(a.get(0))));
    def(
        m,
        "quote",
        0,
        -1,
        a -> {
          List<String> out = new ArrayList<>();
          for (Object o : a) {
            if (o != null) {
              out.add(Strings.goQuote(strval(o)));
            }
          }
          return String.join(" ", out);
        });
    def(
        m,
        "squote",
        0,
        -1,
        a -> {
          List<String> out = new ArrayList<>();
          for (Object o : a) {
            if (o != null) {
              out.add("'" + strval(o) + "'");
            }
          }
          return String.join(" ", out);
        });
    def(
        m,
        "cat",
        0,
        -1,
        a -> {
          List<String> out = new ArrayList<>();
          for (Object o : a) {
            if (o != null) {
              out.add(strval(o));
            }
          }
          return String.join(" ", out);
        });
    def(
        m,
        "indent",
        2,
        2,
        a -> {
          String pad = " ".repeat((int) Math.max(0, toInt64(a.get(0))));
          return pad + strval(a.get(1)).replace("\n", "\n" + pad);
        });
    def(
        m,
        "nindent",
        2,
        2,
        a -> {
          String pad = " ".repeat((int) Math.max(0, toInt64(a.get(0))));
          return "\n" + pad + strval(a.get(1)).replace("\n", "\n" + pad);
        });
    def(m, "replace", 3, 3, a -> strval(a.get(2)).replace(strval(a.get(0)), strval(a.get(1))));
    def(m, "plural", 3, 3, a -> toInt64(a.get(2)) == 1 ? strval(a.get(0)) : strval(a.get(1)));
    def(m, "sha1sum", 1, 1, a -> digest("SHA-1", strval(a.get(0))));
    def(m, "sha256sum", 1, 1, a -> digest("SHA-256", strval(a.get(0))));
    def(
        m,
        "adler32sum",
        1,
        1,
        a -> {
          java.util.zip.Adler32 ad = new java.util.zip.Adler32();
          ad.update(strval(a.get(0)).getBytes(StandardCharsets.UTF_8));
          return String.valueOf(ad.getValue());
        });
    def(m, "wrap", 2, 2, a -> wrap(strval(a.get(1)), (int) toInt64(a.get(0)), "\n"));
    def(
        m,
        "wrapWith",
        3,
        3,
        a -> wrap(strval(a.get(2)), (int) toInt64(a.get(0)), strval(a.get(1))));
    def(m, "randAlphaNum", 1, 1, a -> random(LETTERS + DIGITS, toInt64(a.get(0))));
    def(m, "randAlpha", 1, 1, a -> random(LETTERS, toInt64(a.get(0))));
    def(m, "randNumeric", 1, 1, a -> random(DIGITS, toInt64(a.get(0))));
    def(
        m,
        "randAscii",
        1,
        1,
        a -> {
          StringBuilder sb = new StringBuilder();
          for (char c = 32; c < 127; c++) {
            sb.append(c);
          }
          return random(sb.toString(), toInt64(a.get(0)));
        });
    def(
        m,
        "shuffle",
        1,
        1,
        a -> {
          List<String> chars = new ArrayList<>();
          strval(a.get(0)).codePoints().forEach(c -> chars.add(new String(Character.toChars(c))));
          Collections.shuffle(chars, RANDOM);
          return String.join("", chars);
        });
    def(m, "uuidv4", 0, 0, a -> UUID.randomUUID().toString());

    // ---------------- conversions
    def(m, "toString", 1, 1, a -> strval(a.get(0)));
    def(
        m,
        "toStrings",
        1,
        1,
        a -> {
          List<Object> out = new ArrayList<>();
          if (a.get(0) instanceof List<?> l) {
            for (Object o : l) {
              out.add(strval(o));
            }
          } else {
            out.add(strval(a.get(0)));
          }
          return out;
        });
    def(
        m,
        "atoi",
        1,
        1,
        a -> {
          try {
            return Long.parseLong(strval(a.get(0)));
          } catch (NumberFormatException e) {
            return 0L;
          }
        });
    def(m, "int", 1, 1, a -> toInt64(a.get(0)));
    def(m, "int64", 1, 1, a -> toInt64(a.get(0)));
    def(m, "float64", 1, 1, a -> toFloat64(a.get(0)));
    def(m, "seq", 0, 3, a -> String.join(" ", seq(a).stream().map(String::valueOf).toList()));
    def(m, "until", 1, 1, a -> untilStep(0, toInt64(a.get(0)), toInt64(a.get(0)) >= 0 ? 1 : -1));
    def(
        m,
        "untilStep",
        3,
        3,
        a -> untilStep(toInt64(a.get(0)), toInt64(a.get(1)), toInt64(a.get(2))));

    // ---------------- math
    def(m, "add1", 1, 1, a -> toInt64(a.get(0)) + 1);
    def(
        m,
        "add",
        0,
        -1,
        a -> {
          long s = 0;
          for (Object o : a) {
            s += toInt64(o);
          }
          return s;
        });
    def(m, "sub", 2, 2, a -> toInt64(a.get(0)) - toInt64(a.get(1)));
    def(
        m,
        "div",
        2,
        2,
        a -> {
          long d = toInt64(a.get(1));
          if (d == 0) {
            throw new EvalError("runtime error: integer divide by zero");
          }
          return toInt64(a.get(0)) / d;
        });
    def(
        m,
        "mod",
        2,
        2,
        a -> {
          long d = toInt64(a.get(1));
          if (d == 0) {
            throw new EvalError("runtime error: integer divide by zero");
          }
          return toInt64(a.get(0)) % d;
        });
    def(
        m,
        "mul",
        1,
        -1,
        a -> {
          long p = 1;
          for (Object o : a) {
            p *= toInt64(o);
          }
          return p;
        });
    def(
        m,
        "randInt",
        2,
        2,
        a -> {
          long lo = toInt64(a.get(0));
          long hi = toInt64(a.get(1));
          if (hi <= lo) {
            throw new EvalError("invalid argument to Intn");
          }
          return lo + (long) (RANDOM.nextDouble() * (hi - lo));
        });
    for (String name : new String[] {"max", "biggest"}) {
      def(
          m,
          name,
          1,
          -1,
          a -> {
            long best = toInt64(a.get(0));
            for (Object o : a) {
              best = Math.max(best, toInt64(o));
            }
            return best;
          });
    }
    def(
        m,
        "min",
        1,
        -1,
        a -> {
          long best = toInt64(a.get(0));
          for (Object o : a) {
            best = Math.min(best, toInt64(o));
          }
          return best;
        });
    def(
        m,
        "maxf",
        1,
        -1,
        a -> {
          double best = toFloat64(a.get(0));
          for (Object o : a) {
            best = Math.max(best, toFloat64(o));
          }
          return best;
        });
    def(
        m,
        "minf",
        1,
        -1,
        a -> {
          double best = toFloat64(a.get(0));
          for (Object o : a) {
            best = Math.min(best, toFloat64(o));
          }
          return best;
        });
    def(m, "add1f", 1, 1, a -> decimal(toFloat64(a.get(0))).add(BigDecimal.ONE).doubleValue());
    def(
        m,
        "addf",
        0,
        -1,
        a -> {
          BigDecimal s = BigDecimal.ZERO;
          for (Object o : a) {
            s = s.add(decimal(toFloat64(o)));
          }
          return s.doubleValue();
        });
    def(
        m,
        "subf",
        1,
        -1,
        a -> {
          BigDecimal s = decimal(toFloat64(a.get(0)));
          for (int i = 1; i < a.size(); i++) {
            s = s.subtract(decimal(toFloat64(a.get(i))));
          }
          return s.doubleValue();
        });
    def(
        m,
        "mulf",
        1,
        -1,
        a -> {
          BigDecimal s = BigDecimal.ONE;
          for (Object o : a) {
            s = s.multiply(decimal(toFloat64(o)));
          }
          return s.doubleValue();
        });
    def(
        m,
        "divf",
        1,
        -1,
        a -> {
          BigDecimal s = decimal(toFloat64(a.get(0)));
          for (int i = 1; i < a.size(); i++) {
            BigDecimal d = decimal(toFloat64(a.get(i)));
            if (d.signum() == 0) {
              throw new EvalError("decimal division by 0");
            }
            s = s.divide(d, java.math.MathContext.DECIMAL64);
          }
          return s.doubleValue();
        });
    def(m, "ceil", 1, 1, a -> Math.ceil(toFloat64(a.get(0))));
    def(m, "floor", 1, 1, a -> Math.floor(toFloat64(a.get(0))));
    def(
        m,
        "round",
        2,
        3,
        a -> {
          double v = toFloat64(a.get(0));
          int places = (int) toInt64(a.get(1));
          double roundOn = a.size() > 2 ? toFloat64(a.get(2)) : 0.5;
          double pow = Math.pow(10, places);
          double digit = pow * v;
          double whole = digit < 0 ? Math.ceil(digit) : Math.floor(digit);
          double frac = Math.abs(digit - whole);
          double round = frac >= roundOn ? (digit < 0 ? whole - 1 : whole + 1) : whole;
          return round / pow;
        });

    // ---------------- defaults and flow
    def(m, "default", 1, 2, a -> a.size() < 2 || empty(a.get(1)) ? a.get(0) : a.get(1));
    def(m, "empty", 1, 1, a -> empty(a.get(0)));
    def(
        m,
        "coalesce",
        0,
        -1,
        a -> {
          for (Object o : a) {
            if (!empty(o)) {
              return o;
            }
          }
          return null;
        });
    def(m, "all", 0, -1, a -> a.stream().noneMatch(Sprig::empty));
    def(m, "any", 0, -1, a -> a.isEmpty() ? false : a.stream().anyMatch(o -> !empty(o)));
    def(m, "ternary", 3, 3, a -> Ops.toBool(a.get(2)) ? a.get(0) : a.get(1));
    def(
        m,
        "fail",
        1,
        1,
        a -> {
          throw new EvalError(strval(a.get(0)));
        });
    def(m, "kindOf", 1, 1, a -> kind(a.get(0)));
    def(m, "kindIs", 2, 2, a -> kind(a.get(1)).equals(strval(a.get(0))));
    def(m, "deepEqual", 2, 2, a -> Ops.deepEqual(a.get(0), a.get(1)));

    // ---------------- encodings
    def(m, "toJson", 1, 1, a -> Json.marshal(a.get(0)));
    def(m, "mustToJson", 1, 1, a -> Json.marshal(a.get(0)));
    def(m, "toRawJson", 1, 1, a -> Json.marshalRaw(a.get(0)));
    def(m, "mustToRawJson", 1, 1, a -> Json.marshalRaw(a.get(0)));
    def(m, "toPrettyJson", 1, 1, a -> Json.marshalIndent(a.get(0), "  "));
    def(m, "mustToPrettyJson", 1, 1, a -> Json.marshalIndent(a.get(0), "  "));
    def(
        m,
        "fromJson",
        1,
        1,
        a -> {
          try {
            return Json.parse(strval(a.get(0)));
          } catch (EvalError e) {
            return new LinkedHashMap<String, Object>();
          }
        });
    def(m, "mustFromJson", 1, 1, a -> Json.parse(strval(a.get(0))));
    def(
        m,
        "b64enc",
        1,
        1,
        a -> Base64.getEncoder().encodeToString(strval(a.get(0)).getBytes(StandardCharsets.UTF_8)));
    def(
        m,
        "b64dec",
        1,
        1,
        a -> {
          try {
            return new String(Base64.getDecoder().decode(strval(a.get(0))), StandardCharsets.UTF_8);
          } catch (IllegalArgumentException e) {
            return "illegal base64 data at input byte 0";
          }
        });
    def(m, "b32enc", 1, 1, a -> Base32.encode(strval(a.get(0)).getBytes(StandardCharsets.UTF_8)));
    def(m, "b32dec", 1, 1, a -> Base32.decode(strval(a.get(0))));

    // ---------------- lists
    def(m, "list", 0, -1, a -> new ArrayList<>(a));
    def(m, "tuple", 0, -1, a -> new ArrayList<>(a));
    def(
        m,
        "join",
        2,
        2,
        a -> {
          List<String> parts = new ArrayList<>();
          if (a.get(1) instanceof List<?> l) {
            for (Object o : l) {
              if (o != null) {
                parts.add(strval(o));
              }
            }
          } else {
            parts.add(strval(a.get(1)));
          }
          return String.join(strval(a.get(0)), parts);
        });
    def(
        m,
        "splitList",
        2,
        2,
        a -> {
          List<Object> out =
              Builtins.INDEX
                          .get("split")
                          .fn()
                          .apply(new Object[] {strval(a.get(1)), strval(a.get(0))}, null)
                      instanceof List<?> l
                  ? new ArrayList<Object>(l)
                  : new ArrayList<>();
          return out;
        });
    def(
        m,
        "split",
        2,
        2,
        a -> {
          Object parts =
              Builtins.INDEX
                  .get("split")
                  .fn()
                  .apply(new Object[] {strval(a.get(1)), strval(a.get(0))}, null);
          Map<String, Object> out = new LinkedHashMap<>();
          int i = 0;
          for (Object p : (List<?>) parts) {
            out.put("_" + i++, p);
          }
          return out;
        });
    def(
        m,
        "splitn",
        3,
        3,
        a -> {
          Object parts =
              Builtins.INDEX
                  .get("split")
                  .fn()
                  .apply(
                      new Object[] {strval(a.get(2)), strval(a.get(0)), toInt64(a.get(1))}, null);
          Map<String, Object> out = new LinkedHashMap<>();
          int i = 0;
          if (parts instanceof List<?> l) {
            for (Object p : l) {
              out.put("_" + i++, p);
            }
          }
          return out;
        });
    def(
        m,
        "sortAlpha",
        1,
        1,
        a -> {
          List<Object> out = new ArrayList<>();
          if (a.get(0) instanceof List<?> l) {
            for (Object o : l) {
              out.add(strval(o));
            }
          } else {
            out.add(strval(a.get(0)));
          }
          out.sort((x, y) -> Ops.compareBytes((String) x, (String) y));
          return out;
        });
    for (String name : new String[] {"append", "push", "mustAppend", "mustPush"}) {
      def(
          m,
          name,
          2,
          2,
          a -> {
            List<Object> l = toList(name, a.get(0));
            l.add(a.get(1));
            return l;
          });
    }
    for (String name : new String[] {"prepend", "mustPrepend"}) {
      def(
          m,
          name,
          2,
          2,
          a -> {
            List<Object> l = toList(name, a.get(0));
            l.add(0, a.get(1));
            return l;
          });
    }
    for (String name : new String[] {"first", "mustFirst"}) {
      def(
          m,
          name,
          1,
          1,
          a -> {
            List<Object> l = toList(name, a.get(0));
            return l.isEmpty() ? null : l.get(0);
          });
    }
    for (String name : new String[] {"last", "mustLast"}) {
      def(
          m,
          name,
          1,
          1,
          a -> {
            List<Object> l = toList(name, a.get(0));
            return l.isEmpty() ? null : l.get(l.size() - 1);
          });
    }
    for (String name : new String[] {"rest", "mustRest"}) {
      def(
          m,
          name,
          1,
          1,
          a -> {
            List<Object> l = toList(name, a.get(0));
            return l.isEmpty() ? null : new ArrayList<>(l.subList(1, l.size()));
          });
    }
    for (String name : new String[] {"initial", "mustInitial"}) {
      def(
          m,
          name,
          1,
          1,
          a -> {
            List<Object> l = toList(name, a.get(0));
            return l.isEmpty() ? null : new ArrayList<>(l.subList(0, l.size() - 1));
          });
    }
    for (String name : new String[] {"reverse", "mustReverse"}) {
      def(
          m,
          name,
          1,
          1,
          a -> {
            List<Object> l = toList(name, a.get(0));
            Collections.reverse(l);
            return l;
          });
    }
    for (String name : new String[] {"uniq", "mustUniq"}) {
      def(
          m,
          name,
          1,
          1,
          a -> {
            List<Object> out = new ArrayList<>();
            for (Object o : toList(name, a.get(0))) {
              if (out.stream().noneMatch(p -> Ops.deepEqual(p, o))) {
                out.add(o);
              }
            }
            return out;
          });
    }
    for (String name : new String[] {"without", "mustWithout"}) {
      def(
          m,
          name,
          1,
          -1,
          a -> {
            List<Object> out = new ArrayList<>();
            List<Object> omit = a.subList(1, a.size());
            for (Object o : toList(name, a.get(0))) {
              if (omit.stream().noneMatch(p -> Ops.deepEqual(p, o))) {
                out.add(o);
              }
            }
            return out;
          });
    }
    for (String name : new String[] {"has", "mustHas"}) {
      def(
          m,
          name,
          2,
          2,
          a -> {
            if (a.get(1) == null) {
              return false;
            }
            return toList(name, a.get(1)).stream().anyMatch(o -> Ops.deepEqual(o, a.get(0)));
          });
    }
    for (String name : new String[] {"compact", "mustCompact"}) {
      def(
          m,
          name,
          1,
          1,
          a -> {
            List<Object> out = new ArrayList<>();
            for (Object o : toList(name, a.get(0))) {
              if (!empty(o)) {
                out.add(o);
              }
            }
            return out;
          });
    }
    for (String name : new String[] {"slice", "mustSlice"}) {
      def(
          m,
          name,
          1,
          3,
          a -> {
            List<Object> l = toList(name, a.get(0));
            int from = a.size() > 1 ? (int) toInt64(a.get(1)) : 0;
            int to = a.size() > 2 ? (int) toInt64(a.get(2)) : l.size();
            if (from < 0 || to > l.size() || from > to) {
              throw EvalError.of("slice bounds out of range [%d:%d]", from, to);
            }
            return new ArrayList<>(l.subList(from, to));
          });
    }
    for (String name : new String[] {"chunk", "mustChunk"}) {
      def(
          m,
          name,
          2,
          2,
          a -> {
            int size = (int) toInt64(a.get(0));
            List<Object> l = toList(name, a.get(1));
            List<Object> out = new ArrayList<>();
            if (size <= 0) {
              throw new EvalError("chunk size must be positive");
            }
            for (int i = 0; i < l.size(); i += size) {
              out.add(new ArrayList<>(l.subList(i, Math.min(l.size(), i + size))));
            }
            return out;
          });
    }
    def(
        m,
        "concat",
        0,
        -1,
        a -> {
          List<Object> out = new ArrayList<>();
          for (Object o : a) {
            out.addAll(toList("concat", o));
          }
          return out;
        });

    // ---------------- dicts
    def(
        m,
        "dict",
        0,
        -1,
        a -> {
          Map<String, Object> out = new LinkedHashMap<>();
          for (int i = 0; i < a.size(); i += 2) {
            out.put(strval(a.get(i)), i + 1 < a.size() ? a.get(i + 1) : "");
          }
          return out;
        });
    def(
        m,
        "get",
        2,
        2,
        a -> {
          Map<String, Object> d = toMap("get", a.get(0));
          String k = strval(a.get(1));
          return d.containsKey(k) ? d.get(k) : "";
        });
    def(
        m,
        "set",
        3,
        3,
        a -> {
          Map<String, Object> d = new LinkedHashMap<>(toMap("set", a.get(0)));
          d.put(strval(a.get(1)), a.get(2));
          return d;
        });
    def(
        m,
        "unset",
        2,
        2,
        a -> {
          Map<String, Object> d = new LinkedHashMap<>(toMap("unset", a.get(0)));
          d.remove(strval(a.get(1)));
          return d;
        });
    def(m, "hasKey", 2, 2, a -> toMap("hasKey", a.get(0)).containsKey(strval(a.get(1))));
    def(
        m,
        "pluck",
        1,
        -1,
        a -> {
          List<Object> out = new ArrayList<>();
          String k = strval(a.get(0));
          for (int i = 1; i < a.size(); i++) {
            Map<String, Object> d = toMap("pluck", a.get(i));
            if (d.containsKey(k)) {
              out.add(d.get(k));
            }
          }
          return out;
        });
    def(
        m,
        "keys",
        0,
        -1,
        a -> {
          List<Object> out = new ArrayList<>();
          for (Object o : a) {
            out.addAll(toMap("keys", o).keySet());
          }
          return out;
        });
    def(m, "values", 1, 1, a -> new ArrayList<Object>(toMap("values", a.get(0)).values()));
    def(
        m,
        "pick",
        1,
        -1,
        a -> {
          Map<String, Object> d = toMap("pick", a.get(0));
          Map<String, Object> out = new LinkedHashMap<>();
          for (int i = 1; i < a.size(); i++) {
            String k = strval(a.get(i));
            if (d.containsKey(k)) {
              out.put(k, d.get(k));
            }
          }
          return out;
        });
    def(
        m,
        "omit",
        1,
        -1,
        a -> {
          Map<String, Object> out = new LinkedHashMap<>(toMap("omit", a.get(0)));
          for (int i = 1; i < a.size(); i++) {
            out.remove(strval(a.get(i)));
          }
          return out;
        });
    for (String name : new String[] {"merge", "mustMerge"}) {
      def(m, name, 1, -1, a -> merge(name, a, false));
    }
    for (String name : new String[] {"mergeOverwrite", "mustMergeOverwrite"}) {
      def(m, name, 1, -1, a -> merge(name, a, true));
    }
    def(
        m,
        "dig",
        3,
        -1,
        a -> {
          Object cur = a.get(a.size() - 1);
          Object def = a.get(a.size() - 2);
          for (int i = 0; i < a.size() - 2; i++) {
            Map<String, Object> d = toMap("dig", cur);
            String k = strval(a.get(i));
            if (!d.containsKey(k)) {
              return def;
            }
            cur = d.get(k);
          }
          return cur;
        });

    // ---------------- regex
    for (String name : new String[] {"regexMatch", "mustRegexMatch"}) {
      def(m, name, 2, 2, a -> Regex.compile(strval(a.get(0))).matcher(strval(a.get(1))).find());
    }
    for (String name : new String[] {"regexFind", "mustRegexFind"}) {
      def(
          m,
          name,
          2,
          2,
          a -> {
            Matcher mt = Regex.compile(strval(a.get(0))).matcher(strval(a.get(1)));
            return mt.find() ? mt.group() : "";
          });
    }
    for (String name : new String[] {"regexFindAll", "mustRegexFindAll"}) {
      def(
          m,
          name,
          3,
          3,
          a -> {
            Matcher mt = Regex.compile(strval(a.get(0))).matcher(strval(a.get(1)));
            long n = toInt64(a.get(2));
            List<Object> out = new ArrayList<>();
            while ((n < 0 || out.size() < n) && mt.find()) {
              out.add(mt.group());
            }
            return out;
          });
    }
    for (String name : new String[] {"regexReplaceAll", "mustRegexReplaceAll"}) {
      def(
          m,
          name,
          3,
          3,
          a ->
              Regex.replaceAll(
                  Regex.compile(strval(a.get(0))), strval(a.get(1)), strval(a.get(2))));
    }
    for (String name : new String[] {"regexReplaceAllLiteral", "mustRegexReplaceAllLiteral"}) {
      def(
          m,
          name,
          3,
          3,
          a ->
              Regex.compile(strval(a.get(0)))
                  .matcher(strval(a.get(1)))
                  .replaceAll(Matcher.quoteReplacement(strval(a.get(2)))));
    }
    for (String name : new String[] {"regexSplit", "mustRegexSplit"}) {
      def(
          m,
          name,
          3,
          3,
          a -> {
            long n = toInt64(a.get(2));
            if (n == 0) {
              return new ArrayList<>();
            }
            String[] parts =
                Regex.compile(strval(a.get(0))).split(strval(a.get(1)), n < 0 ? -1 : (int) n);
            return new ArrayList<Object>(List.of((Object[]) parts));
          });
    }
    def(
        m,
        "regexQuoteMeta",
        1,
        1,
        a -> strval(a.get(0)).replaceAll("([\\\\.+*?()|\\[\\]{}^$])", "\\\\$1"));

    // ---------------- paths
    def(m, "base", 1, 1, a -> Paths.base(strval(a.get(0))));
    def(m, "dir", 1, 1, a -> Paths.dir(strval(a.get(0))));
    def(m, "clean", 1, 1, a -> Paths.clean(strval(a.get(0))));
    def(m, "ext", 1, 1, a -> Paths.ext(strval(a.get(0))));
    def(m, "isAbs", 1, 1, a -> strval(a.get(0)).startsWith("/"));

    // ---------------- dates
    def(m, "now", 0, 0, a -> Ctx.now());
    def(m, "date", 2, 2, a -> GoTime.format(toTime(a.get(1), ZoneOffset.UTC), strval(a.get(0))));
    for (String name : new String[] {"dateInZone", "date_in_zone"}) {
      def(
          m,
          name,
          3,
          3,
          a -> GoTime.format(toTime(a.get(1), Builtins.zone(strval(a.get(2)))), strval(a.get(0))));
    }
    def(m, "htmlDate", 1, 1, a -> GoTime.format(toTime(a.get(0), ZoneOffset.UTC), "2006-01-02"));
    def(
        m,
        "htmlDateInZone",
        2,
        2,
        a -> GoTime.format(toTime(a.get(0), Builtins.zone(strval(a.get(1)))), "2006-01-02"));
    def(
        m,
        "unixEpoch",
        1,
        1,
        a -> String.valueOf(toTime(a.get(0), ZoneOffset.UTC).toEpochSecond()));
    for (String name : new String[] {"toDate", "mustToDate"}) {
      def(m, name, 2, 2, a -> GoTime.parse(strval(a.get(0)), strval(a.get(1)), ZoneOffset.UTC));
    }
    for (String name :
        new String[] {"dateModify", "date_modify", "mustDateModify", "must_date_modify"}) {
      def(
          m,
          name,
          2,
          2,
          a -> toTime(a.get(1), ZoneOffset.UTC).plus(GoTime.parseDuration(strval(a.get(0)))));
    }
    def(m, "duration", 1, 1, a -> GoTime.durationString(Duration.ofSeconds(toInt64(a.get(0)))));
    def(
        m,
        "ago",
        1,
        1,
        a -> {
          Duration d =
              Duration.between(toTime(a.get(0), ZoneOffset.UTC).toInstant(), Ctx.now().toInstant());
          return GoTime.durationString(Duration.ofSeconds(d.getSeconds()));
        });
    def(
        m,
        "durationRound",
        1,
        1,
        a -> {
          Duration d =
              a.get(0) instanceof Duration dd
                  ? dd
                  : a.get(0) instanceof String s
                      ? GoTime.parseDuration(s)
                      : Duration.ofNanos(toInt64(a.get(0)));
          long secs = Math.abs(d.getSeconds());
          long[][] units = {
            {31536000, 'y'}, {2592000, 'm' + 1000}, {86400, 'd'}, {3600, 'h'}, {60, 'm'}
          };
          for (long[] u : units) {
            if (secs >= u[0]) {
              String suffix = u[1] == 'm' + 1000 ? "mo" : String.valueOf((char) u[1]);
              return (secs / u[0]) + suffix;
            }
          }
          return secs + "s";
        });

    SprigReflection.register(m);
    SprigMisc.register(m);
    for (String name : UNSUPPORTED) {
      m.put(
          name,
          (ExprFunction)
              args -> {
                throw EvalError.of("sprig.%s is not supported by argo4j", name);
              });
    }
    return Collections.unmodifiableMap(m);
  }

  private static BigDecimal decimal(double d) {
    return new BigDecimal(Double.toString(d));
  }

  private static Map<String, Object> merge(String fn, List<Object> a, boolean overwrite) {
    Map<String, Object> dst = toMap(fn, a.get(0));
    Map<String, Object> out = new LinkedHashMap<>(dst);
    for (int i = 1; i < a.size(); i++) {
      for (Map.Entry<String, Object> e : toMap(fn, a.get(i)).entrySet()) {
        if (overwrite || !out.containsKey(e.getKey()) || empty(out.get(e.getKey()))) {
          out.put(e.getKey(), e.getValue());
        }
      }
    }
    return out;
  }

  private static String kind(Object v) {
    if (v == null) {
      return "invalid";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (Ops.isInt(v)) {
      // expr's integers are Go ints (sprig's own int64 results are indistinguishable here)
      return "int";
    }
    if (Ops.isFloat(v)) {
      return "float64";
    }
    if (v instanceof List) {
      return "slice";
    }
    if (v instanceof Map) {
      return "map";
    }
    if (v instanceof Duration) {
      return "int64";
    }
    if (v instanceof ExprFunction) {
      return "func";
    }
    return "struct";
  }

  private static String wrap(String s, int width, String newline) {
    if (width < 1) {
      width = 1;
    }
    StringBuilder out = new StringBuilder();
    int lineLen = 0;
    for (String word : s.split(" ", -1)) {
      if (lineLen > 0 && lineLen + 1 + word.length() > width) {
        out.append(newline);
        lineLen = 0;
      } else if (out.length() > 0) {
        out.append(' ');
        lineLen++;
      }
      out.append(word);
      lineLen += word.length();
    }
    return out.toString();
  }

  /** Rounds half away from zero (Go's math.Round). */
  static double roundHalfAway(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return d;
    }
    return new BigDecimal(d).setScale(0, RoundingMode.HALF_UP).doubleValue();
  }

  /** Base32 (RFC 4648, with padding) as Go's StdEncoding. */
  static final class Base32 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    static String encode(byte[] data) {
      StringBuilder sb = new StringBuilder();
      int buffer = 0;
      int bits = 0;
      for (byte b : data) {
        buffer = (buffer << 8) | (b & 0xff);
        bits += 8;
        while (bits >= 5) {
          sb.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
          bits -= 5;
        }
      }
      if (bits > 0) {
        sb.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
      }
      while (sb.length() % 8 != 0) {
        sb.append('=');
      }
      return sb.toString();
    }

    static String decode(String s) {
      String t = s.replace("=", "");
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      int buffer = 0;
      int bits = 0;
      for (int i = 0; i < t.length(); i++) {
        int v = ALPHABET.indexOf(t.charAt(i));
        if (v < 0) {
          return "illegal base32 data at input byte " + i;
        }
        buffer = (buffer << 5) | v;
        bits += 5;
        if (bits >= 8) {
          out.write((buffer >> (bits - 8)) & 0xff);
          bits -= 8;
        }
      }
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  /** Go's path package (slash-separated). */
  static final class Paths {
    static String clean(String p) {
      if (p.isEmpty()) {
        return ".";
      }
      boolean rooted = p.startsWith("/");
      List<String> parts = new ArrayList<>();
      for (String seg : p.split("/")) {
        if (seg.isEmpty() || seg.equals(".")) {
          continue;
        }
        if (seg.equals("..")) {
          if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
            parts.remove(parts.size() - 1);
          } else if (!rooted) {
            parts.add("..");
          }
        } else {
          parts.add(seg);
        }
      }
      String out = String.join("/", parts);
      if (rooted) {
        return "/" + out;
      }
      return out.isEmpty() ? "." : out;
    }

    static String base(String p) {
      if (p.isEmpty()) {
        return ".";
      }
      String t = p;
      while (t.length() > 1 && t.endsWith("/")) {
        t = t.substring(0, t.length() - 1);
      }
      if (t.equals("/")) {
        return "/";
      }
      return t.substring(t.lastIndexOf('/') + 1);
    }

    static String dir(String p) {
      int i = p.lastIndexOf('/');
      return clean(p.substring(0, i + 1));
    }

    static String ext(String p) {
      for (int i = p.length() - 1; i >= 0 && p.charAt(i) != '/'; i--) {
        if (p.charAt(i) == '.') {
          return p.substring(i);
        }
      }
      return "";
    }
  }

  /** Numbers from sprig math keep Go's int64/float64 split. */
  static Object num(double d, boolean f) {
    return number(d, f);
  }
}
