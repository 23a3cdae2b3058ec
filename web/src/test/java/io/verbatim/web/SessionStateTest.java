package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.web.security.SignedIn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a web session holds must survive being copied to another node of a cluster (web.xml is distributable): every
 * session- and view-scoped bean and every session attribute is Serializable, and so is each field it keeps, down
 * through Verbatim's own types. Injected services are Weld's proxies, which serialize as a reference; an injected
 * field must therefore not be transient (it would be null on the node that takes the session over).
 */
class SessionStateTest {

    @Test
    void everythingASessionHoldsIsSerializableAndItsServicesAreNotTransient() throws Exception {
        List<Class<?>> held = new ArrayList<>(List.of(SignedIn.class));
        for (Class<?> type : webClasses()) {
            if (type.isAnnotationPresent(SessionScoped.class) || type.isAnnotationPresent(ViewScoped.class)
                    || type.isAnnotationPresent(ConversationScoped.class)) {
                held.add(type);
            }
        }
        assertThat(held).as("the pages keep state in the session").hasSizeGreaterThan(10);
        List<String> problems = new ArrayList<>();
        Set<Type> seen = new HashSet<>();
        for (Class<?> type : held) {
            check(type, type.getSimpleName(), problems, seen);
        }
        assertThat(problems).isEmpty();
    }

    private static void check(Type type, String path, List<String> problems, Set<Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                check(bound, path, problems, seen);
            }
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw) || Optional.class == raw) {
                if (Optional.class == raw) {
                    problems.add(path + ": Optional is not Serializable");
                }
                for (Type argument : parameterized.getActualTypeArguments()) {
                    check(argument, path + "<>", problems, seen);
                }
                return; // the implementations kept (ArrayList, HashMap, sets of them) are Serializable
            }
            check(raw, path, problems, seen);
            for (Type argument : parameterized.getActualTypeArguments()) {
                check(argument, path + "<>", problems, seen);
            }
            return;
        }
        if (!(type instanceof Class<?> cls)) {
            return; // a type variable: checked where it is bound
        }
        if (cls.isPrimitive() || cls.isEnum() || cls == Object.class) {
            return; // Object: a value whose type only its maker knows (a setting's String, number or flag)
        }
        if (cls.isArray()) {
            check(cls.getComponentType(), path + "[]", problems, seen);
            return;
        }
        if (!Serializable.class.isAssignableFrom(cls) && !cls.isInterface()) {
            problems.add(path + ": " + cls.getName() + " is not Serializable");
            return;
        }
        if (!cls.getName().startsWith("io.verbatim.")) {
            return; // the JDK's and libraries' Serializable types serialize their own fields
        }
        for (Class<?> c = cls; c != null && c.getName().startsWith("io.verbatim."); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                String at = path + "." + field.getName();
                if (Modifier.isStatic(modifiers) || field.isSynthetic()) {
                    continue;
                }
                if (field.isAnnotationPresent(Inject.class)) {
                    if (Modifier.isTransient(modifiers)) {
                        problems.add(at + ": an injected service is transient, so null after the session moves to another node");
                    } else if (!proxied(field.getType()) && !Serializable.class.isAssignableFrom(field.getType())) {
                        problems.add(at + ": " + field.getType().getName() + " is injected as itself, not as a proxy, and is not Serializable");
                    }
                    continue;
                }
                if (!Modifier.isTransient(modifiers)) {
                    check(field.getGenericType(), at, problems, seen);
                }
            }
        }
    }

    /** Injected as a Weld proxy, which serializes as a reference to the bean: EJBs and normal-scoped beans. */
    private static boolean proxied(Class<?> type) {
        return type.isAnnotationPresent(Stateless.class) || type.isAnnotationPresent(Singleton.class)
                || type.isAnnotationPresent(ApplicationScoped.class) || type.isAnnotationPresent(RequestScoped.class)
                || type.isAnnotationPresent(SessionScoped.class) || type.isInterface();
    }

    private static List<Class<?>> webClasses() throws URISyntaxException, Exception {
        Path root = Path.of(SignedIn.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                classes.add(Class.forName(name, false, SessionStateTest.class.getClassLoader()));
            }
        }
        return classes;
    }
}
