package org.cpr.courses;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cpr.identity.CprUser;
import org.cpr.shared.CsvCells;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A person's own registrations and transcript of what they attended (page and CSV). */
@Controller
class MyCoursesController {

    static final String VIEW = "courses/mine";

    private final Registrations registrations;
    private final CourseCatalogue catalogue;
    private final Attendance attendance;

    MyCoursesController(Registrations registrations, CourseCatalogue catalogue, Attendance attendance) {
        this.registrations = registrations;
        this.catalogue = catalogue;
        this.attendance = attendance;
    }

    @GetMapping("/courses/mine")
    String mine(@AuthenticationPrincipal CprUser me, Model model) {
        List<Registration> mine = registrations.ofPerson(me.personId());
        Map<OfferingId, Offering> offerings = catalogue.byIds(mine.stream().map(Registration::offering).toList()).stream()
                .collect(Collectors.toMap(Offering::id, Function.identity()));
        model.addAttribute("registrations", mine);
        model.addAttribute("offerings", offerings);
        model.addAttribute("transcript", transcript(me));
        return VIEW;
    }

    @GetMapping("/courses/mine/transcript.csv")
    ResponseEntity<String> csv(@AuthenticationPrincipal CprUser me) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("date", "offering", "kind", "hours", "time_zone").get())) {
            for (TranscriptLine line : transcript(me)) {
                csv.printRecord(line.session().start().toLocalDate(), CsvCells.safe(line.offering().title()), line.offering().kind(),
                        String.format(java.util.Locale.ROOT, "%.2f", line.hours()), line.session().start().getZone());
            }
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"my-transcript.csv\"").body(out.toString());
    }

    private List<TranscriptLine> transcript(CprUser me) {
        var attended = attendance.attendedBy(me.personId());
        List<TranscriptLine> lines = new ArrayList<>();
        for (var entry : attended) {
            catalogue.findSession(entry.getKey()).ifPresent(s -> catalogue.find(s.offering())
                    .ifPresent(o -> lines.add(new TranscriptLine(o, s, entry.getValue()))));
        }
        return lines;
    }
}
