package dev.semcache.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Captures what one logger writes, at DEBUG and above, until closed. */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final Level previousLevel;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(Class<?> type) {
        this.logger = (Logger) LoggerFactory.getLogger(type);
        this.previousLevel = logger.getLevel();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
    }

    /**
     * Starts capturing the logger named after a class.
     *
     * @param type the class
     * @return the capture; close it to stop
     */
    public static LogCapture of(Class<?> type) {
        return new LogCapture(type);
    }

    /**
     * Returns the events captured so far.
     *
     * @return the events, oldest first
     */
    public List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /**
     * Returns the formatted messages of the events at a level.
     *
     * @param level the level
     * @return the messages, oldest first
     */
    public List<String> messages(Level level) {
        return appender.list.stream()
                .filter(e -> e.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage)
                .collect(Collectors.toList());
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        appender.stop();
    }
}
