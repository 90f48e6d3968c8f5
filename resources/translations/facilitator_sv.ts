<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>The organisation&apos;s name</source>
        <translation>Organisationens namn</translation>
    </message>
    <message>
        <source>The type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>The name</source>
        <translation>Namnet</translation>
    </message>
    <message>
        <source>The title</source>
        <translation>Titeln</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>The note</source>
        <translation>Anteckningen</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>The email address {email!r} does not look right.</source>
        <translation>E-postadressen {email!r} ser inte rätt ut.</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Närvaro</translation>
    </message>
    <message>
        <source>May be named</source>
        <translation>Får namnges</translation>
    </message>
    <message>
        <source>The role</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>The person is not on this workshop&apos;s list of participants.</source>
        <translation>Personen finns inte i deltagarlistan för den här workshopen.</translation>
    </message>
    <message>
        <source>Group membership</source>
        <translation>Gruppmedlemskap</translation>
    </message>
    <message>
        <source>Focus area choice</source>
        <translation>Val av fokusområde</translation>
    </message>
    <message>
        <source>Focus area</source>
        <translation>Fokusområde</translation>
    </message>
    <message>
        <source>Wish</source>
        <translation>Önskemål</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupp</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>borttagen</translation>
    </message>
    <message>
        <source>responsible replaced by the organisation</source>
        <translation>ansvarig ersatt med organisationen</translation>
    </message>
    <message>
        <source>responsible replaced by “borttagen person”</source>
        <translation>ansvarig ersatt med ”borttagen person”</translation>
    </message>
    <message>
        <source>name replaced by “borttagen person” in {field}</source>
        <translation>namnet ersatt med ”borttagen person” i {field}</translation>
    </message>
    <message>
        <source>Could not be done</source>
        <translation>Det gick inte</translation>
    </message>
    <message>
        <source>“borttagen person” (the person has no organisation)</source>
        <translation>”borttagen person” (personen har ingen organisation)</translation>
    </message>
    <message>
        <source>Remove person</source>
        <translation>Ta bort person</translation>
    </message>
    <message>
        <source>Remove {name} and all personal data about them for good?</source>
        <translation>Ta bort {name} och alla personuppgifter om personen för gott?</translation>
    </message>
    <message>
        <source>This will change:
• attendance at {attendance} workshop(s): removed
• membership in {groups} group(s): removed
• responsible for {responsible} focus area(s), wish(es) or action(s): replaced by {org}
• {mentions} text field(s) naming the person: the name, e-mail and phone replaced by “borttagen person”

This can NOT be undone, and the undo history is cleared. Export the personal data first if the person asked for a copy.</source>
        <translation>Det här ändras:
• närvaro vid {attendance} workshop(ar): tas bort
• medlemskap i {groups} grupp(er): tas bort
• ansvar för {responsible} fokusområde(n), önskemål eller åtgärd(er): ersätts med {org}
• {mentions} textfält som nämner personen: namnet, e-postadressen och telefonnumret ersätts med ”borttagen person”

Det här kan INTE ångras, och ångra-historiken töms. Exportera personuppgifterna först om personen har bett om en kopia.</translation>
    </message>
    <message>
        <source>Remove for good</source>
        <translation>Ta bort för gott</translation>
    </message>
    <message>
        <source>Person removed</source>
        <translation>Personen är borttagen</translation>
    </message>
    <message>
        <source>{name} has been removed. {count} place(s) were changed.</source>
        <translation>{name} är borttagen. {count} ställe(n) ändrades.</translation>
    </message>
    <message>
        <source>Backups made before now still hold the person until newer backups replace them (the 10 newest, one a day for a week and one a week for four weeks are kept); copies kept before a program update or a restore stay until you delete them. If any of them is opened again, the person is removed again.</source>
        <translation>Säkerhetskopior gjorda före nu innehåller fortfarande personen tills nyare kopior ersätter dem (de 10 senaste, en per dag i en vecka och en per vecka i fyra veckor sparas); kopior som sparats före en programuppdatering eller en återställning finns kvar tills du tar bort dem. Om någon av dem öppnas igen tas personen bort igen.</translation>
    </message>
    <message>
        <source>The removal could not be noted for restored backups ({reason}): if a backup is restored, remove the person again.</source>
        <translation>Borttagningen kunde inte antecknas för återställda säkerhetskopior ({reason}): om en kopia återställs, ta bort personen igen.</translation>
    </message>
    <message>
        <source>personal-data-{name}.json</source>
        <translation>personuppgifter-{name}.json</translation>
    </message>
    <message>
        <source>Export personal data</source>
        <translation>Exportera personuppgifter</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-filer (*.json)</translation>
    </message>
    <message>
        <source>All data stored about {name} was saved to {path}.</source>
        <translation>Allt som är sparat om {name} har sparats i {path}.</translation>
    </message>
    <message>
        <source>Add wish</source>
        <translation>Lägg till önskemål</translation>
    </message>
    <message>
        <source>That is {n} lines: paste at most {max} at a time.</source>
        <translation>Det är {n} rader: klistra in högst {max} åt gången.</translation>
    </message>
    <message>
        <source>Paste {n} wishes</source>
        <translation>Klistra in {n} önskemål</translation>
    </message>
    <message>
        <source>{n} wishes added from the pasted list.</source>
        <translation>{n} önskemål lades till från den inklistrade listan.</translation>
    </message>
    <message>
        <source>Turn off sorting by votes to nest or move wishes.</source>
        <translation>Stäng av sorteringen efter röster för att flytta önskemål.</translation>
    </message>
    <message>
        <source>The first wish of a level cannot be nested: there is none above it.</source>
        <translation>Det första önskemålet på en nivå kan inte flyttas in: det finns inget ovanför.</translation>
    </message>
    <message>
        <source>Wishes nest at most {n} levels deep.</source>
        <translation>Önskemål kan ligga högst {n} nivåer djupt.</translation>
    </message>
    <message>
        <source>Nest wish</source>
        <translation>Flytta in önskemål</translation>
    </message>
    <message>
        <source>This wish is already at the top level.</source>
        <translation>Önskemålet ligger redan på översta nivån.</translation>
    </message>
    <message>
        <source>Un-nest wish</source>
        <translation>Flytta ut önskemål</translation>
    </message>
    <message>
        <source>Move wish</source>
        <translation>Flytta önskemål</translation>
    </message>
    <message>
        <source>Delete wish</source>
        <translation>Ta bort önskemål</translation>
    </message>
    <message>
        <source>Deleted “{text}”. Ctrl+Z brings it back.</source>
        <translation>”{text}” togs bort. Ctrl+Z tar tillbaka det.</translation>
    </message>
    <message>
        <source>Edit wish</source>
        <translation>Ändra önskemål</translation>
    </message>
    <message>
        <source>Not stored: “{text}”</source>
        <translation>Inte sparat: ”{text}”</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Röster</translation>
    </message>
    <message>
        <source>Reset votes</source>
        <translation>Nollställ röster</translation>
    </message>
    <message>
        <source>All votes are 0 again. Ctrl+Z brings them back.</source>
        <translation>Alla röster är 0 igen. Ctrl+Z tar tillbaka dem.</translation>
    </message>
    <message>
        <source>There were no votes to reset.</source>
        <translation>Det fanns inga röster att nollställa.</translation>
    </message>
    <message>
        <source>Unknown order {order!r} (capture or votes).</source>
        <translation>Okänd ordning {order!r} (capture eller votes).</translation>
    </message>
    <message>
        <source>The workshop</source>
        <translation>Workshopen</translation>
    </message>
    <message>
        <source>The date {value!r} is not a date (YYYY-MM-DD).</source>
        <translation>Datum {value!r} är inte ett datum (ÅÅÅÅ-MM-DD).</translation>
    </message>
    <message>
        <source>The action</source>
        <translation>Åtgärden</translation>
    </message>
    <message>
        <source>The person responsible</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>The person</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>The organisation</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Unknown field {name!r}.</source>
        <translation>Okänt fält {name!r}.</translation>
    </message>
    <message>
        <source>An action must belong to a workshop or a focus area.</source>
        <translation>En åtgärd måste höra till en workshop eller ett fokusområde.</translation>
    </message>
    <message>
        <source>The focus area</source>
        <translation>Fokusområdet</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ansvariga</translation>
    </message>
    <message>
        <source>The choice must be yes or no.</source>
        <translation>Valet måste vara ja eller nej.</translation>
    </message>
    <message>
        <source>The focus area ”{name}” belongs to another project.</source>
        <translation>Fokusområdet ”{name}” hör till ett annat projekt.</translation>
    </message>
    <message>
        <source>someone else changed {what} meanwhile. Your text was not stored over theirs; it is still where you typed it, so you can compare and store it again.</source>
        <translation>någon annan ändrade {what} under tiden. Din text sparades inte över deras; den finns kvar där du skrev den, så att du kan jämföra och spara den igen.</translation>
    </message>
    <message>
        <source>Someone else changed “{what}” meanwhile, so your change was not stored over theirs. Compare, and make your change again if it should stand.</source>
        <translation>Någon annan ändrade ”{what}” under tiden, så din ändring sparades inte över deras. Jämför, och gör din ändring igen om den ska gälla.</translation>
    </message>
    <message>
        <source>Someone else changed “{what}” to “{theirs}” meanwhile, so your change was not stored over theirs. Make your change again if it should stand.</source>
        <translation>Någon annan ändrade ”{what}” till ”{theirs}” under tiden, så din ändring sparades inte över deras. Gör din ändring igen om den ska gälla.</translation>
    </message>
    <message>
        <source>someone else has changed it since (on another computer, or in an imported package); undoing would overwrite their edit</source>
        <translation>någon annan har ändrat det sedan dess (på en annan dator eller i ett importerat paket); att ångra skulle skriva över deras ändring</translation>
    </message>
    <message>
        <source>The database could not be read: {reason}</source>
        <translation>Databasen kunde inte läsas: {reason}</translation>
    </message>
    <message>
        <source>The disk is full: the change could not be saved. Free some space and try again.</source>
        <translation>Disken är full: ändringen kunde inte sparas. Frigör utrymme och försök igen.</translation>
    </message>
    <message>
        <source>The database is used by another program: the change could not be saved.</source>
        <translation>Databasen används av ett annat program: ändringen kunde inte sparas.</translation>
    </message>
    <message>
        <source>The database is read-only: the change could not be saved.</source>
        <translation>Databasen är skrivskyddad: ändringen kunde inte sparas.</translation>
    </message>
    <message>
        <source>The change could not be saved: {reason}</source>
        <translation>Ändringen kunde inte sparas: {reason}</translation>
    </message>
    <message>
        <source>{label} does not exist (id {row_id!r}).</source>
        <translation>{label} finns inte (id {row_id!r}).</translation>
    </message>
    <message>
        <source>{label} must not be empty.</source>
        <translation>{label} får inte vara tomt.</translation>
    </message>
    <message>
        <source>{label} must be text.</source>
        <translation>{label} måste vara text.</translation>
    </message>
    <message>
        <source>{label} is too long ({length} characters, at most {maximum}).</source>
        <translation>{label} är för långt ({length} tecken, högst {maximum}).</translation>
    </message>
    <message>
        <source>{label}: unknown value {value!r} (allowed: {options}).</source>
        <translation>{label}: okänt värde {value!r} (tillåtna: {options}).</translation>
    </message>
    <message>
        <source>The project</source>
        <extracomment>Statuses still to be followed up: the register&apos;s default, and what can be overdue.</extracomment>
        <translation>Projektet</translation>
    </message>
    <message>
        <source>The focus area&apos;s name</source>
        <translation>Fokusområdets namn</translation>
    </message>
    <message>
        <source>The description</source>
        <translation>Beskrivningen</translation>
    </message>
    <message>
        <source>The follow-up</source>
        <translation>Uppföljningen</translation>
    </message>
    <message>
        <source>Name someone responsible: a person, an organisation or free text.</source>
        <translation>Ange en ansvarig: en person, en organisation eller fritext.</translation>
    </message>
    <message>
        <source>At most {n} responsibles can be named.</source>
        <translation>Högst {n} ansvariga kan anges.</translation>
    </message>
    <message>
        <source>The number of groups must be at least 1.</source>
        <translation>Antalet grupper måste vara minst 1.</translation>
    </message>
    <message>
        <source>The project has no focus areas to form groups from.</source>
        <translation>Projektet har inga fokusområden att bilda grupper av.</translation>
    </message>
    <message>
        <source>{groups} groups cannot be formed from {areas} focus areas: every group needs at least one focus area. Choose at most {areas} groups.</source>
        <translation>Det går inte att bilda {groups} grupper av {areas} fokusområden: varje grupp behöver minst ett fokusområde. Välj högst {areas} grupper.</translation>
    </message>
    <message>
        <source>The group</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>The group belongs to another workshop.</source>
        <translation>Gruppen hör till en annan workshop.</translation>
    </message>
    <message>
        <source>The group&apos;s name</source>
        <translation>Gruppens namn</translation>
    </message>
    <message>
        <source>The project&apos;s name</source>
        <translation>Projektets namn</translation>
    </message>
    <message>
        <source>The order</source>
        <translation>Ordningen</translation>
    </message>
    <message>
        <source>Project description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>The text before the groups</source>
        <translation>Texten före grupperna</translation>
    </message>
    <message>
        <source>The text after the list of groups</source>
        <translation>Texten efter grupplistan</translation>
    </message>
    <message>
        <source>The figure</source>
        <translation>Siffran</translation>
    </message>
    <message>
        <source>The unit</source>
        <translation>Enheten</translation>
    </message>
    <message>
        <source>The label</source>
        <translation>Texten</translation>
    </message>
    <message>
        <source>The sentence</source>
        <translation>Meningen</translation>
    </message>
    <message>
        <source>The heading</source>
        <translation>Rubriken</translation>
    </message>
    <message>
        <source>The notes</source>
        <translation>Anteckningarna</translation>
    </message>
    <message>
        <source>The comment</source>
        <translation>Kommentaren</translation>
    </message>
    <message>
        <source>Type of agenda item</source>
        <translation>Typ av punkt</translation>
    </message>
    <message>
        <source>these notes</source>
        <translation>anteckningarna</translation>
    </message>
    <message>
        <source>The number</source>
        <translation>Numret</translation>
    </message>
    <message>
        <source>The agenda item</source>
        <translation>Punkten</translation>
    </message>
    <message>
        <source>Only what is in the trash can be removed for good.</source>
        <translation>Bara sådant som ligger i papperskorgen kan tas bort för gott.</translation>
    </message>
    <message>
        <source>”{title}” is a finalised public record and may only be disposed of according to the archive rules.</source>
        <translation>”{title}” är en slutförd allmän handling och får bara gallras enligt arkivreglerna.</translation>
    </message>
    <message>
        <source>The level must be a whole number ≥ 0, not {depth!r}.</source>
        <translation>Nivån måste vara ett heltal ≥ 0, inte {depth!r}.</translation>
    </message>
    <message>
        <source>The wish</source>
        <translation>Önskemålet</translation>
    </message>
    <message>
        <source>Too many wishes at once ({count}, at most {maximum}).</source>
        <translation>För många önskemål på en gång ({count}, högst {maximum}).</translation>
    </message>
    <message>
        <source>A sub-item must come directly under an item one level up.</source>
        <translation>En underpunkt måste ligga direkt under en punkt en nivå upp.</translation>
    </message>
    <message>
        <source>A wish can only be placed under one in the same group.</source>
        <translation>Ett önskemål kan bara ligga under ett i samma grupp.</translation>
    </message>
    <message>
        <source>Wishes can be nested at most {maximum} levels deep.</source>
        <translation>Önskemål kan nästlas högst {maximum} nivåer djupt.</translation>
    </message>
    <message>
        <source>A wish cannot be placed under itself.</source>
        <translation>Ett önskemål kan inte läggas under sig självt.</translation>
    </message>
    <message>
        <source>Votes must be a whole number 0–100000, not {value!r}.</source>
        <translation>Antal röster måste vara ett heltal 0–100000, inte {value!r}.</translation>
    </message>
    <message>
        <source>this wish</source>
        <translation>önskemålet</translation>
    </message>
    <message>
        <source>The first wish on a level cannot be nested.</source>
        <translation>Det första önskemålet på en nivå kan inte flyttas in.</translation>
    </message>
    <message>
        <source>The wish is already on the top level.</source>
        <translation>Önskemålet ligger redan på översta nivån.</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Plats</translation>
    </message>
    <message>
        <source>Case reference</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>The issuing unit</source>
        <translation>Utfärdande enhet</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Dokumenttyp</translation>
    </message>
    <message>
        <source>{label} {value!r} is not a time (HH:MM).</source>
        <translation>{label} {value!r} är inte en tid (TT:MM).</translation>
    </message>
    <message>
        <source>Type of meeting</source>
        <translation>Typ av möte</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Starttid</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Sluttid</translation>
    </message>
    <message>
        <source>The lead paragraph</source>
        <translation>Ingressen</translation>
    </message>
    <message>
        <source>Language {value!r} is not supported (sv or en).</source>
        <translation>Språk {value!r} stöds inte (sv eller en).</translation>
    </message>
    <message>
        <source>How responsibles are written</source>
        <translation>Hur ansvariga skrivs</translation>
    </message>
    <message>
        <source>The date</source>
        <translation>Datumet</translation>
    </message>
    <message>
        <source>Language of the minutes</source>
        <translation>Minnesanteckningarnas språk</translation>
    </message>
    <message>
        <source>List each group&apos;s members</source>
        <translation>Visa gruppernas deltagare</translation>
    </message>
    <message>
        <source>The end time is before the start time.</source>
        <translation>Sluttiden ligger före starttiden.</translation>
    </message>
    <message>
        <source>”{title}” is a finalised public record and cannot be deleted without explicit confirmation.</source>
        <translation>”{title}” är en slutförd allmän handling och kan inte tas bort utan uttrycklig bekräftelse.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Mappen {folder} finns inte.</translation>
    </message>
    <message>
        <source>{path} is read-only. Choose another file name or remove the protection.</source>
        <translation>{path} är skrivskyddad. Välj ett annat filnamn eller ta bort skrivskyddet.</translation>
    </message>
    <message>
        <source>Cannot write in the folder {folder}: {reason}.</source>
        <translation>Kan inte skriva i mappen {folder}: {reason}.</translation>
    </message>
    <message>
        <source>{path} is open in another program (Word, for example) or read-only. Close the file and try again.</source>
        <translation>{path} är öppen i ett annat program (till exempel Word) eller skrivskyddad. Stäng filen och försök igen.</translation>
    </message>
    <message>
        <source>{path} could not be saved: {reason}. The original is unchanged.</source>
        <translation>{path} kunde inte sparas: {reason}. Originalet är oförändrat.</translation>
    </message>
    <message>
        <source>There is no workshop and no project with id {row_id!r}. See &apos;facilitator list&apos; for valid ids.</source>
        <translation>Det finns ingen workshop och inget projekt med id {row_id!r}. Se &apos;facilitator list&apos; för giltiga id.</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>Filen {path} finns inte.</translation>
    </message>
    <message>
        <source>The file {path} cannot be read: {reason}.</source>
        <translation>Filen {path} kan inte läsas: {reason}.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a package file.</source>
        <translation>{path} är en mapp, inte en paketfil.</translation>
    </message>
    <message>
        <source>The file {path} is too large ({size:.0f} MB): a package may be at most {maximum} MB. It is probably not a package.</source>
        <translation>Filen {path} är för stor ({size:.0f} MB): ett paket får vara högst {maximum} MB. Det är troligen inte ett paket.</translation>
    </message>
    <message>
        <source>The file {path} is a zip archive (perhaps a Word document), not a Facilitator package (.json). If the package was zipped: unzip it and import the .json file.</source>
        <translation>Filen {path} är ett zip-arkiv (kanske ett Word-dokument), inte ett Facilitator-paket (.json). Om paketet har packats ihop: packa upp det och importera .json-filen.</translation>
    </message>
    <message>
        <source>The file {path} is not a package: it is not UTF-8 text.</source>
        <translation>Filen {path} är inte ett paket: den är inte text i UTF-8.</translation>
    </message>
    <message>
        <source>The file {path} is empty.</source>
        <translation>Filen {path} är tom.</translation>
    </message>
    <message>
        <source>The file {path} is cut off: it ends in the middle of the package. It was perhaps copied or saved incompletely; export the package again.</source>
        <translation>Filen {path} är avklippt: den slutar mitt i paketet. Den har kanske kopierats eller sparats ofullständigt; exportera paketet igen.</translation>
    </message>
    <message>
        <source>The file {path} is not valid JSON (error on line {line}, column {column}).</source>
        <translation>Filen {path} är inte giltig JSON (fel på rad {line}, kolumn {column}).</translation>
    </message>
    <message>
        <source>The file {path} is nested too deeply to be a package.</source>
        <translation>Filen {path} är för djupt nästlad för att vara ett paket.</translation>
    </message>
    <message>
        <source>The file {path} is not a valid package: it contains an unreasonable number.</source>
        <translation>Filen {path} är inte ett giltigt paket: den innehåller ett orimligt tal.</translation>
    </message>
    <message>
        <source>The file {path} contains an unreasonable number of entries and is not a package Facilitator can read.</source>
        <translation>Filen {path} innehåller orimligt många poster och är inte ett paket som Facilitator kan läsa.</translation>
    </message>
    <message>
        <source>The file is not a Facilitator package (the field &quot;format&quot; is not &quot;{name}&quot;).</source>
        <translation>Filen är inte ett Facilitator-paket (fältet &quot;format&quot; är inte &quot;{name}&quot;).</translation>
    </message>
    <message>
        <source>The package&apos;s format version {version!r} is not valid.</source>
        <translation>Paketets formatversion {version!r} är ogiltig.</translation>
    </message>
    <message>
        <source>The package has format version {version}, but this version of Facilitator can only read version {supported} and older. Update Facilitator and try again.</source>
        <translation>Paketet har formatversion {version}, men den här versionen av Facilitator kan bara läsa version {supported} och äldre. Uppdatera Facilitator och försök igen.</translation>
    </message>
    <message>
        <source>The package could not be imported: it clashes with what is already there ({reason}).</source>
        <translation>Paketet kunde inte läsas in: det krockar med det som redan finns ({reason}).</translation>
    </message>
    <message>
        <source>The package was written on a computer whose clock is more than a year ahead. Correct the date there, export again and import that file.</source>
        <translation>Paketet skrevs på en dator vars klocka går mer än ett år före. Rätta datumet där, exportera igen och importera den filen.</translation>
    </message>
    <message>
        <source>an id (UUID in lower case)</source>
        <translation>ett id (UUID med små bokstäver)</translation>
    </message>
    <message>
        <source>a date YYYY-MM-DD</source>
        <translation>ett datum ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <source>a time HH:MM</source>
        <translation>en tid TT:MM</translation>
    </message>
    <message>
        <source>a point in time in ISO 8601, for example 2026-03-12T18:30:00Z</source>
        <translation>en tidpunkt enligt ISO 8601, till exempel 2026-03-12T18:30:00Z</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>ett heltal</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true eller false</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>en lista</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ett objekt</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} eller {second}</translation>
    </message>
    <message>
        <source>the field &quot;{field}&quot; is missing</source>
        <translation>fältet &quot;{field}&quot; saknas</translation>
    </message>
    <message>
        <source>unknown field &quot;{field}&quot;</source>
        <translation>okänt fält &quot;{field}&quot;</translation>
    </message>
    <message>
        <source>should be {expected}, not {value}</source>
        <translation>ska vara {expected}, inte {value}</translation>
    </message>
    <message>
        <source>the text is too long ({length} characters, at most {maximum})</source>
        <translation>texten är för lång ({length} tecken, högst {maximum})</translation>
    </message>
    <message>
        <source>unknown value {value} (allowed: {allowed})</source>
        <translation>okänt värde {value} (tillåtna: {allowed})</translation>
    </message>
    <message>
        <source>the value {value} is too small (at least {minimum})</source>
        <translation>värdet {value} är för litet (minst {minimum})</translation>
    </message>
    <message>
        <source>the value {value} is too large (at most {maximum})</source>
        <translation>värdet {value} är för stort (högst {maximum})</translation>
    </message>
    <message>
        <source>The package is invalid at {path}: {what}.</source>
        <translation>Paketet är felaktigt vid {path}: {what}.</translation>
    </message>
    <message>
        <source>{value!r} is not a valid date or time</source>
        <translation>{value!r} är inte ett giltigt datum eller en giltig tid</translation>
    </message>
    <message>
        <source>{label} must not be empty</source>
        <translation>{label} får inte vara tomt</translation>
    </message>
    <message>
        <source>{label} is too long ({length} characters, at most {maximum})</source>
        <translation>{label} är för långt ({length} tecken, högst {maximum})</translation>
    </message>
    <message>
        <source>{label} must be a number</source>
        <translation>{label} måste vara ett tal</translation>
    </message>
    <message>
        <source>id {id} already exists at {path}</source>
        <translation>id {id} finns redan vid {path}</translation>
    </message>
    <message>
        <source>the same row already exists at {path}</source>
        <translation>samma rad finns redan vid {path}</translation>
    </message>
    <message>
        <source>the wishes lie under each other in a circle</source>
        <translation>önskemålen ligger under varandra i en cirkel</translation>
    </message>
    <message>
        <source>a wish can only be placed under one in the same group</source>
        <translation>ett önskemål kan bara ligga under ett i samma grupp</translation>
    </message>
    <message>
        <source>wishes can be nested at most {maximum} levels deep</source>
        <translation>önskemål kan nästlas högst {maximum} nivåer djupt</translation>
    </message>
    <message>
        <source>id {id} points to something that is neither in the package nor in the database</source>
        <translation>id {id} pekar på något som varken finns i paketet eller i databasen</translation>
    </message>
    <message>
        <source>the focus area belongs to another project</source>
        <translation>fokusområdet hör till ett annat projekt</translation>
    </message>
    <message>
        <source>The minutes could not be made: {reason}</source>
        <translation>Minnesanteckningarna kunde inte skapas: {reason}</translation>
    </message>
    <message>
        <source>The template {path} does not exist or cannot be read.</source>
        <translation>Mallen {path} finns inte eller kan inte läsas.</translation>
    </message>
    <message>
        <source>The template {name} is too large ({size:.0f} MB; at most 50 MB).</source>
        <translation>Mallen {name} är för stor ({size:.0f} MB; högst 50 MB).</translation>
    </message>
    <message>
        <source>The template {path} cannot be read: {reason}.</source>
        <translation>Mallen {path} kan inte läsas: {reason}.</translation>
    </message>
    <message>
        <source>The template {name} is not a Word document (.docx or .dotx).</source>
        <translation>Mallen {name} är inte ett Word-dokument (.docx eller .dotx).</translation>
    </message>
    <message>
        <source>The template {name} is too large (at most 50 MB).</source>
        <translation>Mallen {name} är för stor (högst 50 MB).</translation>
    </message>
    <message>
        <source>The template {name} contains XML that is not allowed (DOCTYPE or entities) and is not used.</source>
        <translation>Mallen {name} innehåller otillåten XML (DOCTYPE eller entiteter) och används inte.</translation>
    </message>
    <message>
        <source>The template {name} unpacks to an unreasonable amount of data and is not used.</source>
        <translation>Mallen {name} packas upp till orimligt mycket data och används inte.</translation>
    </message>
    <message>
        <source>The template {name} contains a path that is not allowed ({member!r}) and is not used.</source>
        <translation>Mallen {name} innehåller en otillåten sökväg ({member!r}) och används inte.</translation>
    </message>
    <message>
        <source>The template {name} could not be read as a Word document ({reason}).</source>
        <translation>Mallen {name} kunde inte läsas som Word-dokument ({reason}).</translation>
    </message>
    <message>
        <source>The backup {path} could not be verified.</source>
        <translation>Säkerhetskopian {path} kunde inte verifieras.</translation>
    </message>
    <message>
        <source>The backup was skipped: only {free} free on the disk, {needed} needed. The older backups are kept.</source>
        <translation>Säkerhetskopian hoppades över: bara {free} ledigt på disken, {needed} behövs. De äldre säkerhetskopiorna finns kvar.</translation>
    </message>
    <message>
        <source>The backup {path} is damaged and cannot be restored.</source>
        <translation>Säkerhetskopian {path} är skadad och kan inte återställas.</translation>
    </message>
    <message>
        <source>The backup could not be copied: {reason}</source>
        <translation>Säkerhetskopian kunde inte kopieras: {reason}</translation>
    </message>
    <message>
        <source>The database {path} is used by another program. Close it and try again.</source>
        <translation>Databasen {path} används av ett annat program. Stäng det och försök igen.</translation>
    </message>
    <message>
        <source>{path} is not a Facilitator database (unknown tables).</source>
        <translation>{path} är inte en Facilitator-databas (okända tabeller).</translation>
    </message>
    <message>
        <source>{path} cannot be read as a database: {reason}.</source>
        <translation>{path} kan inte läsas som en databas: {reason}.</translation>
    </message>
    <message>
        <source>{path} is damaged or not a database: {reason}.</source>
        <translation>{path} är skadad eller inte en databas: {reason}.</translation>
    </message>
    <message>
        <source>The database {path} was made by a newer version of Facilitator (schema {schema}). Update the program; the file has not been changed.</source>
        <translation>Databasen {path} är skapad av en nyare version av Facilitator (schema {schema}). Uppdatera programmet; filen har inte ändrats.</translation>
    </message>
    <message>
        <source>The upgrade of the database left {count} broken references and was stopped; the file has not been changed.</source>
        <translation>Uppgraderingen av databasen lämnade {count} trasiga hänvisningar och avbröts; filen har inte ändrats.</translation>
    </message>
    <message>
        <source>{address} is not a database server&apos;s address (postgresql://…).</source>
        <translation>{address} är ingen adress till en databasserver (postgresql://…).</translation>
    </message>
    <message>
        <source>the database could not be opened: {reason}</source>
        <translation>databasen kunde inte öppnas: {reason}</translation>
    </message>
    <message>
        <source>unexpected error: {reason}</source>
        <translation>oväntat fel: {reason}</translation>
    </message>
    <message>
        <source>The number of blank rows must be between 0 and {most}, not {rows}.</source>
        <translation>Antalet tomma rader måste vara mellan 0 och {most}, inte {rows}.</translation>
    </message>
    <message>
        <source>The text about personal data is too long (at most {most} characters).</source>
        <translation>Texten om personuppgifter är för lång (högst {most} tecken).</translation>
    </message>
    <message>
        <source>a responsible names exactly one of a person, an organisation or a text</source>
        <translation>en ansvarig anger exakt en av en person, en organisation eller en text</translation>
    </message>
    <message>
        <source>a follow-up is of exactly one wish or one action</source>
        <translation>en uppföljning gäller exakt ett önskemål eller en åtgärd</translation>
    </message>
    <message>
        <source>a role names exactly one of a person or a name</source>
        <translation>en roll anger exakt en av en person eller ett namn</translation>
    </message>
    <message>
        <source>a role of the kind &quot;other&quot; needs a label</source>
        <translation>en roll av typen &quot;annan&quot; behöver en benämning</translation>
    </message>
    <message>
        <source>a counted key figure needs a metric</source>
        <translation>ett räknat nyckeltal behöver något att räkna</translation>
    </message>
    <message>
        <source>a typed key figure needs a figure or a sentence, and no metric</source>
        <translation>ett skrivet nyckeltal behöver en siffra eller en mening, och inget att räkna</translation>
    </message>
    <message>
        <source>At most {n} key figures can be given.</source>
        <translation>Högst {n} nyckeltal kan anges.</translation>
    </message>
    <message>
        <source>That counted figure is already in the list.</source>
        <translation>Den räknade siffran finns redan i listan.</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Valda siffror och fakta</translation>
    </message>
    <message>
        <source>Type of figure</source>
        <translation>Typ av nyckeltal</translation>
    </message>
    <message>
        <source>What is counted</source>
        <translation>Det som räknas</translation>
    </message>
    <message>
        <source>Type a figure (for example &quot;ca 500&quot;) or a whole sentence.</source>
        <translation>Skriv en siffra (till exempel &quot;ca 500&quot;) eller en hel mening.</translation>
    </message>
    <message>
        <source>At most {n} roles can be named.</source>
        <translation>Högst {n} roller kan anges.</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roller</translation>
    </message>
    <message>
        <source>Name the role: choose one from the list or type it.</source>
        <translation>Ange rollen: välj en i listan eller skriv den.</translation>
    </message>
    <message>
        <source>Name who has the role: a person in the register or a name.</source>
        <translation>Ange vem som har rollen: en person i registret eller ett namn.</translation>
    </message>
    <message>
        <source>An item is followed up at a later workshop, not at its own.</source>
        <translation>Ett önskemål eller en åtgärd följs upp vid en senare workshop, inte vid sin egen.</translation>
    </message>
    <message>
        <source>Only wishes and actions of the same project can be followed up.</source>
        <translation>Bara önskemål och åtgärder i samma projekt kan följas upp.</translation>
    </message>
    <message>
        <source>The conflict</source>
        <translation>Konflikten</translation>
    </message>
    <message>
        <source>The row</source>
        <translation>Raden</translation>
    </message>
    <message>
        <source>The group {row_id!r} is not in this workshop.</source>
        <translation>Gruppen {row_id!r} finns inte i den här workshoppen.</translation>
    </message>
    <message>
        <source>There is no workshop with id {row_id!r}.</source>
        <translation>Det finns ingen workshop med id {row_id!r}.</translation>
    </message>
    <message>
        <source>{address} is not a database address: {reason}</source>
        <translation>{address} är ingen databasadress: {reason}</translation>
    </message>
    <message>
        <source>The database {path} was made by a newer version of Facilitator (schema {schema}). Update the program; the database has not been changed.</source>
        <translation>Databasen {path} har skapats av en nyare version av Facilitator (schema {schema}). Uppdatera programmet; databasen har inte ändrats.</translation>
    </message>
    <message>
        <source>The database {address} needs an update for this version of Facilitator that only its owner may make. Ask the IT department to run &apos;facilitator server-init&apos; (docs/server.md); nothing has been changed.</source>
        <translation>Databasen {address} behöver en uppdatering för den här versionen av Facilitator som bara dess ägare får göra. Be IT-avdelningen köra &apos;facilitator server-init&apos; (docs/server.md); ingenting har ändrats.</translation>
    </message>
    <message>
        <source>The database server {address} wants a password ({reason}). Type it when Facilitator asks for it, or put it in a pgpass file (docs/server.md).</source>
        <translation>Databasservern {address} vill ha ett lösenord ({reason}). Skriv det när Facilitator frågar efter det, eller lägg det i en pgpass-fil (docs/server.md).</translation>
    </message>
    <message>
        <source>The database server {address} could not be reached: {reason}</source>
        <translation>Databasservern {address} gick inte att nå: {reason}</translation>
    </message>
    <message>
        <source>A person cannot be joined with themselves.</source>
        <translation>En person kan inte slås ihop med sig själv.</translation>
    </message>
    <message>
        <source>Two registrations are joined only when they have the same name and the same organisation or e-mail: {name} and {other} do not.</source>
        <translation>Två registreringar slås ihop bara när de har samma namn och samma organisation eller e-post: det har inte {name} och {other}.</translation>
    </message>
    <message>
        <source>The server could not be set up (run this as the database&apos;s owner): {reason}</source>
        <translation>Servern kunde inte förberedas (kör kommandot som databasens ägare): {reason}</translation>
    </message>
    <message>
        <source>Run server-init on the server first.</source>
        <translation>Kör server-init mot servern först.</translation>
    </message>
    <message>
        <source>The user could not be added: {reason}</source>
        <translation>Användaren kunde inte läggas till: {reason}</translation>
    </message>
    <message>
        <source>this narrative</source>
        <translation>beskrivningen</translation>
    </message>
    <message>
        <source>The units could not be read (run this as the database&apos;s owner): {reason}</source>
        <translation>Enheterna kunde inte läsas (kör kommandot som databasens ägare): {reason}</translation>
    </message>
    <message>
        <source>There is no project with the id or name {project}.</source>
        <translation>Det finns inget projekt med id eller namn {project}.</translation>
    </message>
    <message>
        <source>Several projects are called {project}: {candidates}. Give the id of the one you mean.</source>
        <translation>Flera projekt heter {project}: {candidates}. Ange id för det du menar.</translation>
    </message>
    <message>
        <source>The project&apos;s unit could not be set (run this as the database&apos;s owner): {reason}</source>
        <translation>Projektets enhet kunde inte ändras (kör kommandot som databasens ägare): {reason}</translation>
    </message>
</context>
<context>
    <name>ActionRegister</name>
    <message>
        <source>Export to Excel…</source>
        <translation>Exportera till Excel…</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Exportera till Excel</translation>
    </message>
    <message>
        <source>Save the actions shown, as filtered, in an Excel workbook ({key})</source>
        <translation>Spara de åtgärder som visas, med urvalet, i en Excel-arbetsbok ({key})</translation>
    </message>
    <message>
        <source>Actions {date}.xlsx</source>
        <translation>Åtgärder {date}.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-arbetsbok (*.xlsx)</translation>
    </message>
    <message>
        <source>The register was not saved</source>
        <translation>Åtgärdsregistret sparades inte</translation>
    </message>
    <message>
        <source>Saved {path} ({count} actions)</source>
        <translation>Sparade {path} ({count} åtgärder)</translation>
    </message>
</context>
<context>
    <name>ActionsModel</name>
    <message>
        <source>Open</source>
        <extracomment>The order statuses sort in, and are offered in.</extracomment>
        <translation>Öppen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Struken</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Klart senast</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>Overdue: due {date} and not done</source>
        <translation>Försenad: skulle vara klar {date}</translation>
    </message>
    <message>
        <source>{date} (overdue)</source>
        <translation>{date} (försenad)</translation>
    </message>
</context>
<context>
    <name>ActionsView</name>
    <message>
        <source>New action</source>
        <translation>Ny åtgärd</translation>
    </message>
    <message>
        <source>Add an action to this workshop (Ins or Ctrl+Return)</source>
        <translation>Lägg till en åtgärd i den här workshopen (Ins eller Ctrl+Retur)</translation>
    </message>
    <message>
        <source>Search actions</source>
        <translation>Sök bland åtgärderna</translation>
    </message>
    <message>
        <source>Search actions…</source>
        <translation>Sök åtgärder…</translation>
    </message>
    <message>
        <source>Show actions with status</source>
        <translation>Visa åtgärder med status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Ej klara</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Försenade</translation>
    </message>
    <message>
        <source>Show actions of</source>
        <translation>Visa åtgärder för</translation>
    </message>
    <message>
        <source>This workshop</source>
        <translation>Den här workshopen</translation>
    </message>
    <message>
        <source>Whole project</source>
        <translation>Hela projektet</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>Alla projekt</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Åtgärder</translation>
    </message>
    <message>
        <source>Choose or create a workshop to see its actions.</source>
        <translation>Välj eller skapa en workshop för att se dess åtgärder.</translation>
    </message>
    <message>
        <source>Ins new action · F2 edit · Delete to trash · {key} export to Excel · &quot;All projects&quot;: every open action, overdue first</source>
        <translation>Ins ny åtgärd · F2 redigera · Delete till papperskorgen · {key} exportera till Excel · &quot;Alla projekt&quot;: alla öppna åtgärder, försenade först</translation>
    </message>
    <message>
        <source>Focus area: {name}</source>
        <translation>Fokusområde: {name}</translation>
    </message>
    <message>
        <source>Project · workshop</source>
        <translation>Projekt · workshop</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>{shown} of {total} actions shown</source>
        <translation>{shown} av {total} åtgärder visas</translation>
    </message>
    <message>
        <source>{count} overdue</source>
        <translation>{count} försenade</translation>
    </message>
    <message>
        <source>Edit action</source>
        <translation>Redigera åtgärd</translation>
    </message>
    <message>
        <source>Change due date</source>
        <translation>Ändra klart senast-datum</translation>
    </message>
    <message>
        <source>Change action status</source>
        <translation>Ändra åtgärdens status</translation>
    </message>
    <message>
        <source>Change responsible</source>
        <translation>Byt ansvarig</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>Lägg till åtgärd</translation>
    </message>
    <message>
        <source>Delete action</source>
        <translation>Ta bort åtgärd</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <source>Agenda items</source>
        <translation>Punkter på dagordningen</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Ny punkt</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Drag or press Alt+Up / Alt+Down to reorder.</source>
        <translation>Dra, eller tryck Alt+Upp / Alt+Ned, för att ändra ordningen.</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <source>In the minutes</source>
        <translation>I minnesanteckningarna</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>Notes, then the focus areas</source>
        <translation>Anteckningar, sedan fokusområdena</translation>
    </message>
    <message>
        <source>Notes, then key figures</source>
        <translation>Anteckningar, sedan nyckeltal</translation>
    </message>
    <message>
        <source>Notes, then the group work</source>
        <translation>Anteckningar, sedan grupparbetet</translation>
    </message>
    <message>
        <source>Notes, then the follow-up</source>
        <translation>Anteckningar, sedan uppföljningen</translation>
    </message>
    <message>
        <source>Add agenda item</source>
        <translation>Lägg till punkt</translation>
    </message>
    <message>
        <source>Delete agenda item</source>
        <translation>Ta bort punkt</translation>
    </message>
    <message>
        <source>Move agenda item</source>
        <translation>Flytta punkt</translation>
    </message>
    <message>
        <source>Rename agenda item</source>
        <translation>Byt rubrik på punkt</translation>
    </message>
    <message>
        <source>Change what the item shows</source>
        <translation>Ändra vad punkten visar</translation>
    </message>
    <message>
        <source>Edit notes</source>
        <translation>Ändra anteckningar</translation>
    </message>
</context>
<context>
    <name>BackupScheduler</name>
    <message>
        <source>Backup skipped: only {free} MB free on the disk, {needed} MB needed. The older backups are kept.</source>
        <translation>Säkerhetskopian hoppades över: bara {free} MB ledigt på disken, {needed} MB behövs. De äldre säkerhetskopiorna finns kvar.</translation>
    </message>
    <message>
        <source>The backup could not be made: {reason}</source>
        <translation>Säkerhetskopian kunde inte göras: {reason}</translation>
    </message>
</context>
<context>
    <name>ChoicesView</name>
    <message>
        <source>{n} chose</source>
        <translation>{n} valde</translation>
    </message>
    <message>
        <source>Choices of focus area</source>
        <translation>Val av fokusområde</translation>
    </message>
    <message>
        <source>Which focus areas did each participant choose?</source>
        <translation>Vilka fokusområden valde varje deltagare?</translation>
    </message>
    <message>
        <source>Arrow keys move · Space or a click marks and unmarks · a person may choose several areas · Ctrl+Z undoes</source>
        <translation>Piltangenterna flyttar · Blanksteg eller ett klick markerar och avmarkerar · en person kan välja flera områden · Ctrl+Z ångrar</translation>
    </message>
    <message>
        <source>{chose} of {total} present have chosen</source>
        <translation>{chose} av {total} närvarande har valt</translation>
    </message>
    <message>
        <source>Open a workshop to mark the participants&apos; choices.</source>
        <translation>Öppna en workshop för att markera deltagarnas val.</translation>
    </message>
    <message>
        <source>The project has no focus areas yet: add them under Focus areas.</source>
        <translation>Projektet har inga fokusområden ännu: lägg till dem under Fokusområden.</translation>
    </message>
    <message>
        <source>Nobody is checked in as present yet: check people in under Participants.</source>
        <translation>Ingen är incheckad som närvarande ännu: checka in deltagarna under Deltagare.</translation>
    </message>
    <message>
        <source>Mark choice</source>
        <translation>Markera val</translation>
    </message>
    <message>
        <source>Unmark choice</source>
        <translation>Ta bort val</translation>
    </message>
    <message>
        <source>Mark {n} choices</source>
        <translation>Markera {n} val</translation>
    </message>
    <message>
        <source>Unmark {n} choices</source>
        <translation>Ta bort {n} val</translation>
    </message>
</context>
<context>
    <name>CollectDialog</name>
    <message>
        <source>Collect from note-takers</source>
        <translation>Samla in från antecknare</translation>
    </message>
    <message>
        <source>Wishes</source>
        <translation>Önskemål</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>Incheckningar</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupp</translation>
    </message>
    <message>
        <source>Focus areas</source>
        <translation>Fokusområden</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Övrigt</translation>
    </message>
    <message>
        <source>Add the packages the note-takers exported. Nothing is written before you press Import; the table shows what would change.</source>
        <translation>Lägg till paketen som antecknarna exporterade. Inget skrivs förrän du trycker på Importera; tabellen visar vad som skulle ändras.</translation>
    </message>
    <message>
        <source>Path of a package</source>
        <translation>Sökväg till ett paket</translation>
    </message>
    <message>
        <source>Path of a package (.json); Enter adds it</source>
        <translation>Sökväg till ett paket (.json); Enter lägger till det</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>&amp;Lägg till filer…</translation>
    </message>
    <message>
        <source>&amp;Package:</source>
        <translation>&amp;Paket:</translation>
    </message>
    <message>
        <source>Packages (Delete removes one)</source>
        <translation>Paket (Delete tar bort ett)</translation>
    </message>
    <message>
        <source>What the import would change, per group</source>
        <translation>Vad importen skulle ändra, per grupp</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nya</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Ändrade</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Borttagna</translation>
    </message>
    <message>
        <source>In conflict</source>
        <translation>I konflikt</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importera</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Collect packages</source>
        <translation>Samla in paket</translation>
    </message>
    <message>
        <source>Workshop package (*.json)</source>
        <translation>Workshoppaket (*.json)</translation>
    </message>
    <message>
        <source>{name} – not imported: {error}</source>
        <translation>{name} – importeras inte: {error}</translation>
    </message>
    <message>
        <source>Together the packages cannot be imported: {error}</source>
        <translation>Tillsammans kan paketen inte importeras: {error}</translation>
    </message>
    <message>
        <source>Add at least one package.</source>
        <translation>Lägg till minst ett paket.</translation>
    </message>
    <message>
        <source>Group without a name</source>
        <translation>Grupp utan namn</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Alla grupper</translation>
    </message>
    <message>
        <source>{files} packages would give: {new} new, {changed} changed, {deleted} deleted, {conflict} in conflict.</source>
        <translation>{files} paket skulle ge: {new} nya, {changed} ändrade, {deleted} borttagna, {conflict} i konflikt.</translation>
    </message>
    <message>
        <source>Imported {files} packages: {new} new, {changed} changed, {deleted} deleted, {conflict} in conflict.</source>
        <translation>Importerade {files} paket: {new} nya, {changed} ändrade, {deleted} borttagna, {conflict} i konflikt.</translation>
    </message>
    <message>
        <source>Nothing was imported: {error}</source>
        <translation>Inget importerades: {error}</translation>
    </message>
    <message>
        <source>{n} fields were changed on two computers: both values are kept; choose in Arkiv → Konflikter ({key}).</source>
        <translation>{n} fält ändrades på två datorer: båda värdena sparas; välj i Arkiv → Konflikter ({key}).</translation>
    </message>
    <message>
        <source>Removed again, as erased earlier (GDPR): {names}.</source>
        <translation>Togs bort igen, eftersom de raderats tidigare (GDPR): {names}.</translation>
    </message>
</context>
<context>
    <name>CommentDelegate</name>
    <message>
        <source>Comment here</source>
        <extracomment>One key per status; letters as typed, so Ö works on a Swedish keyboard (O elsewhere). (column, least width, share of the table&apos;s width); the text takes what is left</extracomment>
        <translation>Kommentar här</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicts</source>
        <translation>Konflikter</translation>
    </message>
    <message>
        <source>Fields changed on two computers</source>
        <translation>Fält som ändrats på två datorer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Behölls</translation>
    </message>
    <message>
        <source>The other value</source>
        <translation>Det andra värdet</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Val</translation>
    </message>
    <message>
        <source>No conflicts. When two computers have changed the same field, the value that was not kept is saved here, so you can choose.</source>
        <translation>Inga konflikter. När två datorer har ändrat samma fält sparas värdet som inte behölls här, så att du kan välja.</translation>
    </message>
    <message>
        <source>Show settled</source>
        <translation>Visa avgjorda</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behåll</translation>
    </message>
    <message>
        <source>Keep the value the merge kept (K or Enter)</source>
        <translation>Behåll värdet som sammanslagningen behöll (K eller Enter)</translation>
    </message>
    <message>
        <source>Take the other</source>
        <translation>Ta det andra</translation>
    </message>
    <message>
        <source>Put the other value back (A)</source>
        <translation>Sätt tillbaka det andra värdet (A)</translation>
    </message>
    <message>
        <source>K or Enter: keep · A: take the other value · Ctrl+Z: undo</source>
        <translation>K eller Enter: behåll · A: ta det andra värdet · Ctrl+Z: ångra</translation>
    </message>
    <message>
        <source>A field changed on two computers before their packages met. The newer value was kept; choose whether it stays or the other value comes back.</source>
        <translation>Ett fält ändrades på två datorer innan deras paket möttes. Det nyare värdet behölls; välj om det ska stå kvar eller om det andra värdet ska tillbaka.</translation>
    </message>
    <message>
        <source>in the trash</source>
        <translation>i papperskorgen</translation>
    </message>
    <message>
        <source>not in the trash</source>
        <translation>inte i papperskorgen</translation>
    </message>
    <message>
        <source>under ”{wish}”</source>
        <translation>under ”{wish}”</translation>
    </message>
    <message>
        <source>at the top level</source>
        <translation>överst</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(tomt)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppen</translation>
    </message>
    <message>
        <source>Wish</source>
        <translation>Önskemål</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>Agenda point</source>
        <translation>Dagordningspunkt</translation>
    </message>
    <message>
        <source>Focus area</source>
        <translation>Fokusområde</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupp</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>name</source>
        <translation>namn</translation>
    </message>
    <message>
        <source>votes</source>
        <translation>röster</translation>
    </message>
    <message>
        <source>note</source>
        <translation>anteckning</translation>
    </message>
    <message>
        <source>title</source>
        <translation>titel</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>anteckningar</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>heading</source>
        <translation>rubrik</translation>
    </message>
    <message>
        <source>description</source>
        <translation>beskrivning</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>kommentar</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>klart senast</translation>
    </message>
    <message>
        <source>place</source>
        <translation>placering</translation>
    </message>
    <message>
        <source>order</source>
        <translation>ordning</translation>
    </message>
    <message>
        <source>person</source>
        <translation>person</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>organisation</translation>
    </message>
    <message>
        <source>Keep the merged value</source>
        <translation>Behåll det sammanslagna värdet</translation>
    </message>
    <message>
        <source>Take the other value</source>
        <translation>Ta det andra värdet</translation>
    </message>
</context>
<context>
    <name>DatabaseWindows</name>
    <message>
        <source>Could not be done</source>
        <translation>Det gick inte</translation>
    </message>
    <message>
        <source>Facilitator could not start another window. Start Facilitator again from the Start menu or the Dock.</source>
        <translation>Facilitator kunde inte öppna ett till fönster. Starta Facilitator igen från Start-menyn eller Dockan.</translation>
    </message>
</context>
<context>
    <name>DocxSaveBar</name>
    <message>
        <source>Open folder</source>
        <translation>Öppna mappen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Choose where to save the document.</source>
        <translation>Välj var dokumentet ska sparas.</translation>
    </message>
    <message>
        <source>The document was not saved.</source>
        <translation>Dokumentet sparades inte.</translation>
    </message>
    <message>
        <source>The document was not saved</source>
        <translation>Dokumentet sparades inte</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Sparade {path}</translation>
    </message>
</context>
<context>
    <name>DocxTarget</name>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word-dokument (*.docx)</translation>
    </message>
</context>
<context>
    <name>DueDateEditor</name>
    <message>
        <source>Due</source>
        <translation>Klart senast</translation>
    </message>
    <message>
        <source>Delete removes the due date</source>
        <translation>Delete tar bort datumet</translation>
    </message>
    <message>
        <source>Remove the due date</source>
        <translation>Ta bort datumet</translation>
    </message>
    <message>
        <source>Remove the due date (Delete)</source>
        <translation>Ta bort datumet (Delete)</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>Could not undo ”{action}”: {reason}</source>
        <translation>Kunde inte ångra ”{action}”: {reason}</translation>
    </message>
    <message>
        <source>Could not redo ”{action}”: {reason}</source>
        <translation>Kunde inte göra om ”{action}”: {reason}</translation>
    </message>
</context>
<context>
    <name>ExportMinutesDialog</name>
    <message>
        <source>Export minutes</source>
        <translation>Exportera minnesanteckningar</translation>
    </message>
    <message>
        <source>File to save</source>
        <translation>Fil att spara</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <source>Word template</source>
        <translation>Word-mall</translation>
    </message>
    <message>
        <source>Built-in municipal template</source>
        <translation>Inbyggd kommunmall</translation>
    </message>
    <message>
        <source>Include the list of participants</source>
        <translation>Ta med deltagarlistan</translation>
    </message>
    <message>
        <source>Anonymise names (for publication on the web)</source>
        <translation>Anonymisera namn (för publicering på webben)</translation>
    </message>
    <message>
        <source>For publication (replace the names of those who may not be named)</source>
        <translation>För publicering (byt ut namn på dem som inte får namnges)</translation>
    </message>
    <message>
        <source>Who may be named is ticked on the participants&apos; page (May be named)</source>
        <translation>Vem som får namnges kryssas i på sidan Deltagare (Får namnges)</translation>
    </message>
    <message>
        <source>Show the number of votes per wish</source>
        <translation>Visa antal röster per önskemål</translation>
    </message>
    <message>
        <source>Order of wishes</source>
        <translation>Önskemålens ordning</translation>
    </message>
    <message>
        <source>As they were written</source>
        <translation>Som de skrevs</translation>
    </message>
    <message>
        <source>Most votes first</source>
        <translation>Flest röster först</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Spara som:</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Mall:</translation>
    </message>
    <message>
        <source>Wishes:</source>
        <translation>Önskemål:</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Öppna mappen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportera</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minnesanteckningar</translation>
    </message>
    <message>
        <source>Save minutes as</source>
        <translation>Spara minnesanteckningar som</translation>
    </message>
    <message>
        <source>Choose a Word template</source>
        <translation>Välj en Word-mall</translation>
    </message>
    <message>
        <source>Word templates (*.docx *.dotx)</source>
        <translation>Word-mallar (*.docx *.dotx)</translation>
    </message>
    <message>
        <source>Choose where to save the minutes.</source>
        <translation>Välj var minnesanteckningarna ska sparas.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporterar…</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Sparade {path}</translation>
    </message>
    <message>
        <source>The minutes were not saved.</source>
        <translation>Minnesanteckningarna sparades inte.</translation>
    </message>
    <message>
        <source>The minutes were not saved</source>
        <translation>Minnesanteckningarna sparades inte</translation>
    </message>
    <message>
        <source>Please wait until the export is finished.</source>
        <translation>Vänta tills exporten är klar.</translation>
    </message>
</context>
<context>
    <name>ExportView</name>
    <message>
        <source>The minutes are written from what is captured in the workshop, in the order of the agenda. This is the outline they will have:</source>
        <translation>Minnesanteckningarna skrivs utifrån det som har dokumenterats under workshopen, i dagordningens ordning. Så här kommer de att se ut:</translation>
    </message>
    <message>
        <source>Outline of the minutes</source>
        <translation>Minnesanteckningarnas disposition</translation>
    </message>
    <message>
        <source>Export minutes…</source>
        <translation>Exportera minnesanteckningar…</translation>
    </message>
</context>
<context>
    <name>FactsView</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>Focus group</source>
        <translation>Fokusgrupp</translation>
    </message>
    <message>
        <source>Closing session</source>
        <translation>Avslutande möte</translation>
    </message>
    <message>
        <source>Learning evaluation</source>
        <translation>Lärande utvärdering</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Inget datum</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Börjar</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Slutar</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Plats</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roller</translation>
    </message>
    <message>
        <source>Responsibles are written as</source>
        <translation>Ansvariga skrivs som</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Name, title</source>
        <translation>Namn, titel</translation>
    </message>
    <message>
        <source>Name, title at organisation</source>
        <translation>Namn, titel på organisation</translation>
    </message>
    <message>
        <source>Case reference</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Issuing unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Dokumenttyp</translation>
    </message>
    <message>
        <source>Language of the minutes</source>
        <translation>Minnesanteckningarnas språk</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>Svenska</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engelska</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Utkast</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Genomförd</translation>
    </message>
    <message>
        <source>Minutes sent</source>
        <translation>Minnesanteckningar skickade</translation>
    </message>
    <message>
        <source>Finalised public record</source>
        <translation>Slutförd allmän handling</translation>
    </message>
    <message>
        <source>Lead paragraph</source>
        <translation>Ingress</translation>
    </message>
    <message>
        <source>Choose a workshop in the list to the left, or create one with File → New workshop (Ctrl+N). File → Load sample project shows a finished example.</source>
        <translation>Välj en workshop i listan till vänster, eller skapa en med Arkiv → Ny workshop (Ctrl+N). Arkiv → Läs in exempelprojektet visar ett färdigt exempel.</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Ej angiven</translation>
    </message>
    <message>
        <source>Change {field}</source>
        <translation>Ändra {field}</translation>
    </message>
</context>
<context>
    <name>FileCommands</name>
    <message>
        <source>The sample project is loaded.</source>
        <translation>Exempelprojektet är inläst.</translation>
    </message>
    <message>
        <source>Import package</source>
        <translation>Importera paket</translation>
    </message>
    <message>
        <source>Workshop package (*.json)</source>
        <translation>Workshoppaket (*.json)</translation>
    </message>
    <message>
        <source>Imported: {created} new, {updated} changed, {unchanged} unchanged.</source>
        <translation>Importerat: {created} nya, {updated} ändrade, {unchanged} oförändrade.</translation>
    </message>
    <message>
        <source>{n} fields were changed on both computers: both values are kept, see Arkiv → Konflikter.</source>
        <translation>{n} fält hade ändrats på båda datorerna: båda värdena sparas, se Arkiv → Konflikter.</translation>
    </message>
    <message>
        <source>Removed again, as erased earlier (GDPR): {names}.</source>
        <translation>Togs bort igen, eftersom de raderats tidigare (GDPR): {names}.</translation>
    </message>
    <message>
        <source>{n} people may be the same person — Participants → Same person?</source>
        <translation>{n} personer kan vara samma person — Deltagare → Samma person?</translation>
    </message>
    <message>
        <source>Export package</source>
        <translation>Exportera paket</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Sparade {path}</translation>
    </message>
    <message>
        <source>Choose a workshop first.</source>
        <translation>Välj en workshop först.</translation>
    </message>
    <message>
        <source>Choose a project first.</source>
        <translation>Välj ett projekt först.</translation>
    </message>
</context>
<context>
    <name>FocusAreasView</name>
    <message>
        <source>Focus areas</source>
        <translation>Fokusområden</translation>
    </message>
    <message>
        <source>New focus area</source>
        <translation>Nytt fokusområde</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Focus areas belong to the project and are shared by its workshops.</source>
        <translation>Fokusområdena hör till projektet och delas av dess workshoppar.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Responsible going forward</source>
        <translation>Ansvarig framåt</translation>
    </message>
    <message>
        <source>Change responsibles</source>
        <translation>Ändra ansvariga</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>Add focus area</source>
        <translation>Lägg till fokusområde</translation>
    </message>
    <message>
        <source>Delete focus area</source>
        <translation>Ta bort fokusområde</translation>
    </message>
    <message>
        <source>Move focus area</source>
        <translation>Flytta fokusområde</translation>
    </message>
    <message>
        <source>Rename focus area</source>
        <translation>Byt namn på fokusområde</translation>
    </message>
    <message>
        <source>Edit narrative</source>
        <translation>Ändra beskrivning</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <source>Open</source>
        <translation>Öppen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Struken</translation>
    </message>
    <message>
        <source>Without focus area</source>
        <translation>Utan fokusområde</translation>
    </message>
    <message>
        <source>Wish</source>
        <translation>Önskemål</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Wish or action</source>
        <translation>Önskemål eller åtgärd</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Comment here</source>
        <translation>Kommentar här</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Klart senast</translation>
    </message>
    <message>
        <source>{kind} → action</source>
        <translation>{kind} → åtgärd</translation>
    </message>
    <message>
        <source>{date} (overdue)</source>
        <translation>{date} (försenad)</translation>
    </message>
    <message>
        <source>Not followed up yet</source>
        <translation>Inte uppföljd än</translation>
    </message>
    <message>
        <source>Followed up:</source>
        <translation>Uppföljt:</translation>
    </message>
    <message>
        <source>Overdue: due {date} and not done</source>
        <translation>Försenad: skulle vara klar {date} och är inte klar</translation>
    </message>
</context>
<context>
    <name>FollowUpTable</name>
    <message>
        <source>Follow-up</source>
        <translation>Uppföljning</translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <source>Create action</source>
        <translation>Skapa åtgärd</translation>
    </message>
    <message>
        <source>Create action from the wish</source>
        <translation>Skapa åtgärd av önskemålet</translation>
    </message>
    <message>
        <source>Make an action of this workshop from the chosen wish (Ins or Ctrl+Shift+A)</source>
        <translation>Gör en åtgärd i den här workshopen av det valda önskemålet (Ins eller Ctrl+Skift+A)</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>Bara öppna</translation>
    </message>
    <message>
        <source>Open and in progress; what was followed up here stays in the list</source>
        <translation>Öppna och pågående; det som följts upp här stannar i listan</translation>
    </message>
    <message>
        <source>Show focus area</source>
        <translation>Visa fokusområde</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>Alla områden</translation>
    </message>
    <message>
        <source>Filter by responsible</source>
        <translation>Filtrera på ansvarig</translation>
    </message>
    <message>
        <source>Responsible…</source>
        <translation>Ansvarig…</translation>
    </message>
    <message>
        <source>Status: Ö open, P in progress, K done, S dropped · Delete: not followed up here · F2 or Enter: comment · F3: responsible · Ins: action from the wish</source>
        <translation>Status: Ö öppen, P pågår, K klar, S struken · Delete: inte uppföljd här · F2 eller Enter: kommentar · F3: ansvarig · Ins: åtgärd av önskemålet</translation>
    </message>
    <message>
        <source>Choose or create a workshop to follow up.</source>
        <translation>Välj eller skapa en workshop för att följa upp.</translation>
    </message>
    <message>
        <source>Follow-up lists the wishes and actions of the project&apos;s earlier workshops, so that this workshop can say what became of each. This workshop has no earlier workshop with wishes or actions. A workshop made with &quot;New workshop from an earlier one&quot; (Ctrl+Alt+N) follows up the one it was made from.</source>
        <translation>Uppföljningen listar önskemål och åtgärder från projektets tidigare workshoppar, så att den här workshoppen kan säga vad som blev av vart och ett. Den här workshoppen har ingen tidigare workshop med önskemål eller åtgärder. En workshop som görs med &quot;Ny workshop från tidigare&quot; (Ctrl+Alt+N) följer upp den den gjordes från.</translation>
    </message>
    <message>
        <source>{shown} of {total} shown · {here} followed up at this workshop</source>
        <translation>{shown} av {total} visas · {here} uppföljda vid den här workshoppen</translation>
    </message>
    <message>
        <source>Follow up: {status}</source>
        <translation>Uppföljning: {status}</translation>
    </message>
    <message>
        <source>Remove follow-up</source>
        <translation>Ta bort uppföljning</translation>
    </message>
    <message>
        <source>Follow-up comment</source>
        <translation>Kommentar till uppföljning</translation>
    </message>
    <message>
        <source>Responsible going forward</source>
        <translation>Ansvarig framåt</translation>
    </message>
    <message>
        <source>Change responsible</source>
        <translation>Byt ansvarig</translation>
    </message>
    <message>
        <source>Choose a wish to make an action of it.</source>
        <translation>Välj ett önskemål för att göra en åtgärd av det.</translation>
    </message>
    <message>
        <source>Create action from wish</source>
        <translation>Skapa åtgärd av önskemål</translation>
    </message>
    <message>
        <source>The action is on the Actions page: give it a responsible and a due date there.</source>
        <translation>Åtgärden finns på Åtgärder: ge den en ansvarig och ett datum där.</translation>
    </message>
</context>
<context>
    <name>GroupTextPanel</name>
    <message>
        <source>Text before the groups</source>
        <translation>Text före grupperna</translation>
    </message>
    <message>
        <source>Empty: the minutes write the grey sentence themselves. The list of groups always follows.</source>
        <translation>Tom: minnesanteckningarna skriver den grå meningen själva. Grupplistan kommer alltid efter.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Återställ</translation>
    </message>
    <message>
        <source>Go back to the sentence the minutes write by themselves</source>
        <translation>Gå tillbaka till meningen som minnesanteckningarna skriver själva</translation>
    </message>
    <message>
        <source>Text after the list of groups</source>
        <translation>Text efter grupplistan</translation>
    </message>
    <message>
        <source>Show the groups&apos; members in the minutes</source>
        <translation>Visa gruppernas deltagare i minnesanteckningarna</translation>
    </message>
    <message>
        <source>Change the text before the groups</source>
        <translation>Ändra texten före grupperna</translation>
    </message>
    <message>
        <source>Change the text after the list of groups</source>
        <translation>Ändra texten efter grupplistan</translation>
    </message>
    <message>
        <source>Reset the text before the groups</source>
        <translation>Återställ texten före grupperna</translation>
    </message>
    <message>
        <source>List the groups&apos; members</source>
        <translation>Visa gruppernas deltagare</translation>
    </message>
    <message>
        <source>Stop listing the groups&apos; members</source>
        <translation>Visa inte gruppernas deltagare</translation>
    </message>
</context>
<context>
    <name>GroupsView</name>
    <message>
        <source>Number of groups</source>
        <translation>Antal grupper</translation>
    </message>
    <message>
        <source>Propose groups</source>
        <translation>Föreslå grupper</translation>
    </message>
    <message>
        <source>Combine the focus areas into this many groups of even size; replaces the groups below</source>
        <translation>Slå ihop fokusområdena till så här många jämnstora grupper; ersätter grupperna nedan</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>Ny grupp</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Delete the chosen group, or take the chosen member or area out of its group (Del)</source>
        <translation>Ta bort den valda gruppen, eller ta ut den valda deltagaren eller det valda området ur sin grupp (Del)</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupper</translation>
    </message>
    <message>
        <source>Group, focus areas and members</source>
        <translation>Grupp, fokusområden och deltagare</translation>
    </message>
    <message>
        <source>Number of groups:</source>
        <translation>Antal grupper:</translation>
    </message>
    <message>
        <source>Chose / size</source>
        <translation>Valde / storlek</translation>
    </message>
    <message>
        <source>Drag members and areas between groups · Alt+← / Alt+→ previous/next group · Ctrl+1…9 group N · Ctrl+0 no group · F2 renames (empty: automatic) · Ctrl+Z undoes</source>
        <translation>Dra deltagare och områden mellan grupperna · Alt+← / Alt+→ föregående/nästa grupp · Ctrl+1…9 grupp N · Ctrl+0 ingen grupp · F2 byter namn (tomt: automatiskt) · Ctrl+Z ångrar</translation>
    </message>
    <message>
        <source>Group {number} · {n} members</source>
        <translation>Grupp {number} · {n} deltagare</translation>
    </message>
    <message>
        <source>Group {n}: F2 renames; an empty name follows the focus areas</source>
        <translation>Grupp {n}: F2 byter namn; ett tomt namn följer fokusområdena</translation>
    </message>
    <message>
        <source>{n} chose</source>
        <translation>{n} valde</translation>
    </message>
    <message>
        <source>Not in a group</source>
        <translation>Utan grupp</translation>
    </message>
    <message>
        <source>{n} present</source>
        <translation>{n} närvarande</translation>
    </message>
    <message>
        <source>{groups} groups · {placed} placed · {loose} not in a group</source>
        <translation>{groups} grupper · {placed} placerade · {loose} utan grupp</translation>
    </message>
    <message>
        <source>{n} in a group they did not choose</source>
        <translation>{n} i en grupp de inte valde</translation>
    </message>
    <message>
        <source>(no choice)</source>
        <translation>(inget val)</translation>
    </message>
    <message>
        <source>Chose none of this group&apos;s focus areas</source>
        <translation>Valde inget av gruppens fokusområden</translation>
    </message>
    <message>
        <source>Replace the groups?</source>
        <translation>Ersätta grupperna?</translation>
    </message>
    <message>
        <source>The current groups already have wishes. New groups replace them; the old groups and their wishes can be brought back with Undo.</source>
        <translation>De nuvarande grupperna har redan önskemål. Nya grupper ersätter dem; de gamla grupperna och deras önskemål kan tas tillbaka med Ångra.</translation>
    </message>
    <message>
        <source>Propose {n} groups</source>
        <translation>Föreslå {n} grupper</translation>
    </message>
    <message>
        <source>Move member</source>
        <translation>Flytta deltagare</translation>
    </message>
    <message>
        <source>Move focus area</source>
        <translation>Flytta fokusområde</translation>
    </message>
    <message>
        <source>Delete group</source>
        <translation>Ta bort grupp</translation>
    </message>
    <message>
        <source>Remove focus area from group</source>
        <translation>Ta bort fokusområde ur grupp</translation>
    </message>
    <message>
        <source>Rename group</source>
        <translation>Byt namn på grupp</translation>
    </message>
</context>
<context>
    <name>GuiSession</name>
    <message>
        <source>The backup could not be restored</source>
        <translation>Säkerhetskopian kunde inte återställas</translation>
    </message>
    <message>
        <source>The database is in use</source>
        <translation>Databasen används</translation>
    </message>
    <message>
        <source>The database {path} is in use by another program, perhaps another Facilitator on this or another computer. Close it and start Facilitator again; nothing has been changed.</source>
        <translation>Databasen {path} används av ett annat program, kanske en annan Facilitator på den här eller en annan dator. Stäng det och starta Facilitator igen; inget har ändrats.</translation>
    </message>
    <message>
        <source>The database could not be opened</source>
        <translation>Databasen kunde inte öppnas</translation>
    </message>
    <message>
        <source>Facilitator could not open {path}.

{reason}</source>
        <translation>Facilitator kunde inte öppna {path}.

{reason}</translation>
    </message>
    <message>
        <source>The start of the file has been overwritten.</source>
        <translation>Början av filen har skrivits över.</translation>
    </message>
    <message>
        <source>The file has been cut short.</source>
        <translation>Filen har blivit avkortad.</translation>
    </message>
    <message>
        <source>Parts of the file have been overwritten.</source>
        <translation>Delar av filen har skrivits över.</translation>
    </message>
    <message>
        <source>A log file (-wal) beside it does not belong to this database.</source>
        <translation>En loggfil (-wal) bredvid den hör inte till den här databasen.</translation>
    </message>
    <message>
        <source>The database {path} is damaged.</source>
        <translation>Databasen {path} är skadad.</translation>
    </message>
    <message>
        <source>Nothing is deleted: the damaged file is kept beside it as “{name}.damaged-…”.</source>
        <translation>Inget tas bort: den skadade filen sparas bredvid som ”{name}.damaged-…”.</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>Databasen är skadad</translation>
    </message>
    <message>
        <source>The newest verified backup is from {date} ({workshops} workshops, {wishes} wishes). Restore it?</source>
        <translation>Den senaste kontrollerade säkerhetskopian är från {date} ({workshops} workshoppar, {wishes} önskemål). Vill du återställa den?</translation>
    </message>
    <message>
        <source>&amp;Restore the backup</source>
        <translation>&amp;Återställ säkerhetskopian</translation>
    </message>
    <message>
        <source>There is no verified backup to restore.</source>
        <translation>Det finns ingen kontrollerad säkerhetskopia att återställa.</translation>
    </message>
    <message>
        <source>Start with an &amp;empty database</source>
        <translation>Börja med en &amp;tom databas</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>Text typed before Facilitator closed is back where it was ({n} field(s)). It is saved as usual.</source>
        <translation>Text som skrevs innan Facilitator stängdes är tillbaka där den var ({n} fält). Den sparas som vanligt.</translation>
    </message>
    <message>
        <source>Removed again, as erased earlier: {names}. This database (a restored or copied file) still held them.</source>
        <translation>Togs bort igen, eftersom de raderats tidigare: {names}. Den här databasen (en återställd eller kopierad fil) innehöll dem fortfarande.</translation>
    </message>
    <message>
        <source>The database is on a network drive ({detail}). If the network drops while Facilitator writes, changes can be lost and the file damaged. Copy it to this computer&apos;s own disk.</source>
        <translation>Databasen ligger på en nätverksenhet ({detail}). Försvinner nätverket medan Facilitator skriver kan ändringar gå förlorade och filen skadas. Kopiera den till datorns egen disk.</translation>
    </message>
    <message>
        <source>The database is in a cloud-synced folder ({detail}). The sync program can copy or overwrite the file while Facilitator uses it, and changes can be lost. Move it to a folder that is not synced.</source>
        <translation>Databasen ligger i en molnsynkad mapp ({detail}). Synkprogrammet kan kopiera eller skriva över filen medan Facilitator använder den, och då kan ändringar gå förlorade. Flytta den till en mapp som inte synkas.</translation>
    </message>
    <message>
        <source>The database is on a removable drive ({detail}). Pulling the drive out while Facilitator is open can damage the file. Quit Facilitator before removing it.</source>
        <translation>Databasen ligger på en flyttbar enhet ({detail}). Dras enheten ut medan Facilitator är öppet kan filen skadas. Avsluta Facilitator innan du tar ut den.</translation>
    </message>
    <message>
        <source>A risky place for the database</source>
        <translation>En riskabel plats för databasen</translation>
    </message>
    <message>
        <source>Restored the backup from {date}. The replaced file is kept as {name}.</source>
        <translation>Säkerhetskopian från {date} är återställd. Den ersatta filen finns kvar som {name}.</translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message>
        <source>Sign-in sheet</source>
        <translation>Närvarolista</translation>
    </message>
    <message>
        <source>Agenda handout</source>
        <translation>Dagordning att dela ut</translation>
    </message>
    <message>
        <source>File to save</source>
        <translation>Fil att spara</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Spara som:</translation>
    </message>
    <message>
        <source>Text about personal data</source>
        <translation>Text om personuppgifter</translation>
    </message>
    <message>
        <source>Default text</source>
        <translation>Standardtext</translation>
    </message>
    <message>
        <source>Blank rows for walk-ins</source>
        <translation>Tomma rader för fler deltagare</translation>
    </message>
    <message>
        <source>Text about &amp;personal data (GDPR):</source>
        <translation>Text om &amp;personuppgifter (GDPR):</translation>
    </message>
    <message>
        <source>Blank rows:</source>
        <translation>Tomma rader:</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Dagordning</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Spara som</translation>
    </message>
</context>
<context>
    <name>HandoutPackagesDialog</name>
    <message>
        <source>Hand out to note-takers</source>
        <translation>Dela ut till antecknare</translation>
    </message>
    <message>
        <source>One package per group for the note-takers&apos; laptops. They import it (Arkiv → Importera paket…), take notes and export the workshop back (Arkiv → Exportera paket…); then collect their packages with Arkiv → Samla in… (Ctrl+Shift+I).</source>
        <translation>Ett paket per grupp till antecknarnas datorer. De importerar det (Arkiv → Importera paket…), antecknar och exporterar workshoppen tillbaka (Arkiv → Exportera paket…); samla sedan in deras paket med Arkiv → Samla in… (Ctrl+Shift+I).</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupp</translation>
    </message>
    <message>
        <source>Note-taker (optional)</source>
        <translation>Antecknare (valfritt)</translation>
    </message>
    <message>
        <source>Group {n}</source>
        <translation>Grupp {n}</translation>
    </message>
    <message>
        <source>Note-taker of {group}</source>
        <translation>Antecknare för {group}</translation>
    </message>
    <message>
        <source>Name, for the file name</source>
        <translation>Namn, till filnamnet</translation>
    </message>
    <message>
        <source>The workshop has no groups yet (page Grupper).</source>
        <translation>Workshoppen har inga grupper än (sidan Grupper).</translation>
    </message>
    <message>
        <source>&amp;Whole workshop in each package</source>
        <translation>&amp;Hela workshopen i varje paket</translation>
    </message>
    <message>
        <source>Every package holds all groups; otherwise only the note-taker&apos;s group.</source>
        <translation>Varje paket innehåller alla grupper; annars bara antecknarens grupp.</translation>
    </message>
    <message>
        <source>note-takers</source>
        <translation>antecknare</translation>
    </message>
    <message>
        <source>Folder for the packages</source>
        <translation>Mapp för paketen</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Bläddra…</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Mapp:</translation>
    </message>
    <message>
        <source>Written packages</source>
        <translation>Sparade paket</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Choose at least one group.</source>
        <translation>Välj minst en grupp.</translation>
    </message>
    <message>
        <source>Choose a folder for the packages.</source>
        <translation>Välj en mapp för paketen.</translation>
    </message>
    <message>
        <source>No packages were written: {reason}</source>
        <translation>Inga paket sparades: {reason}</translation>
    </message>
    <message>
        <source>{n} packages written in {folder}:</source>
        <translation>{n} paket sparade i {folder}:</translation>
    </message>
</context>
<context>
    <name>JoinPeopleDialog</name>
    <message>
        <source>Same person?</source>
        <translation>Samma person?</translation>
    </message>
    <message>
        <source>These people are registered twice with the same name and the same organisation or e-mail, perhaps on two computers. Joining keeps one: everything the other attended, chose or is responsible for moves to it, and the other goes to the trash. People with only the same name are never offered.</source>
        <translation>De här personerna finns två gånger med samma namn och samma organisation eller e-post, kanske registrerade på två datorer. Att slå ihop behåller den ena: allt den andra har närvarat vid, valt eller är ansvarig för flyttas dit, och den andra hamnar i papperskorgen. Personer som bara har samma namn föreslås aldrig.</translation>
    </message>
    <message>
        <source>People registered twice</source>
        <translation>Personer registrerade två gånger</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Varför</translation>
    </message>
    <message>
        <source>No one is registered twice.</source>
        <translation>Ingen är registrerad två gånger.</translation>
    </message>
    <message>
        <source>↑↓ choose · 1 or 2: the one to keep · Enter: join · Ctrl+Z: undo · Esc: close</source>
        <translation>↑↓ välj · 1 eller 2: den som behålls · Enter: slå ihop · Ctrl+Z: ångra · Esc: stäng</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>Slå &amp;ihop</translation>
    </message>
    <message>
        <source>Join the two into the one kept (Enter)</source>
        <translation>Slå ihop de två till den som behålls (Enter)</translation>
    </message>
    <message>
        <source>same organisation: {name}</source>
        <translation>samma organisation: {name}</translation>
    </message>
    <message>
        <source>same e-mail: {email}</source>
        <translation>samma e-post: {email}</translation>
    </message>
    <message>
        <source>Join the two registrations of {name}</source>
        <translation>Slå ihop de två registreringarna av {name}</translation>
    </message>
    <message>
        <source>The two registrations of {name} are joined. Ctrl+Z undoes.</source>
        <translation>De två registreringarna av {name} är ihopslagna. Ctrl+Z ångrar.</translation>
    </message>
    <message>
        <source>Same person?…</source>
        <translation>Samma person?…</translation>
    </message>
    <message>
        <source>Join a person registered twice, e.g. on two computers ({key})</source>
        <translation>Slå ihop en person som registrerats två gånger, t.ex. på två datorer ({key})</translation>
    </message>
    <message>
        <source>{key}: the same person registered twice?</source>
        <translation>{key}: samma person registrerad två gånger?</translation>
    </message>
</context>
<context>
    <name>KeyFiguresEditor</name>
    <message>
        <source>Figures and facts</source>
        <translation>Siffror och fakta</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Valda siffror och fakta</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Siffra</translation>
    </message>
    <message>
        <source>Figure, e.g. ca 500</source>
        <translation>Siffra, t.ex. ca 500</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enhet för siffran</translation>
    </message>
    <message>
        <source>Unit, e.g. personer</source>
        <translation>Enhet, t.ex. personer</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Vad siffran gäller</translation>
    </message>
    <message>
        <source>Label (optional)</source>
        <translation>Vad siffran gäller (valfritt)</translation>
    </message>
    <message>
        <source>Or a whole sentence</source>
        <translation>Eller en hel mening</translation>
    </message>
    <message>
        <source>A whole sentence instead of figure, unit and label</source>
        <translation>En hel mening i stället för siffra, enhet och vad den gäller</translation>
    </message>
    <message>
        <source>Add figure</source>
        <translation>Lägg till siffra</translation>
    </message>
    <message>
        <source>Counted figure</source>
        <translation>Räknad siffra</translation>
    </message>
    <message>
        <source>Add counted figure</source>
        <translation>Lägg till räknad siffra</translation>
    </message>
    <message>
        <source>Typed figure</source>
        <translation>Skriven siffra</translation>
    </message>
    <message>
        <source>Or a sentence</source>
        <translation>Eller en mening</translation>
    </message>
    <message>
        <source>Enter adds · in the list: Del deletes · Alt+↑ / ↓ move · Ctrl+Z undoes. Counted figures are counted again when the minutes are made.</source>
        <translation>Enter lägger till · i listan: Del tar bort · Alt+↑ / ↓ flyttar · Ctrl+Z ångrar. Räknade siffror räknas om när minnesanteckningarna görs.</translation>
    </message>
    <message>
        <source>Add key figure</source>
        <translation>Lägg till siffra</translation>
    </message>
    <message>
        <source>Remove key figure</source>
        <translation>Ta bort siffra</translation>
    </message>
    <message>
        <source>Move key figure</source>
        <translation>Flytta siffra</translation>
    </message>
</context>
<context>
    <name>LiveTools</name>
    <message>
        <source>Timer</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>Show on &amp;projector</source>
        <translation>Visa på &amp;projektor</translation>
    </message>
    <message>
        <source>Show or hide the projector window (F5)</source>
        <translation>Visa eller dölj projektorfönstret (F5)</translation>
    </message>
    <message>
        <source>Projector</source>
        <translation>Projektor</translation>
    </message>
    <message>
        <source>E&amp;vening</source>
        <translation>&amp;Kväll</translation>
    </message>
    <message>
        <source>Projector &amp;panel</source>
        <translation>Projektor&amp;panel</translation>
    </message>
    <message>
        <source>&amp;Timer toolbar</source>
        <translation>&amp;Timerns verktygsfält</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Facilitator</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Översikt</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Dagordning</translation>
    </message>
    <message>
        <source>Focus areas</source>
        <translation>Fokusområden</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Val</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupper</translation>
    </message>
    <message>
        <source>Wishes</source>
        <translation>Önskemål</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Åtgärder</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportera</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>Databas: {path}</translation>
    </message>
    <message>
        <source>New &amp;workshop…</source>
        <translation>Ny &amp;workshop…</translation>
    </message>
    <message>
        <source>New workshop from an &amp;earlier one…</source>
        <translation>Ny workshop från en &amp;tidigare…</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>&amp;Papperskorg…</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>&amp;Konflikter…</translation>
    </message>
    <message>
        <source>Restore from &amp;backup…</source>
        <translation>Återställ från &amp;säkerhetskopia…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <source>New &amp;project…</source>
        <translation>Nytt &amp;projekt…</translation>
    </message>
    <message>
        <source>&amp;Import package…</source>
        <translation>&amp;Importera paket…</translation>
    </message>
    <message>
        <source>Export &amp;package…</source>
        <translation>Exportera &amp;paket…</translation>
    </message>
    <message>
        <source>Hand &amp;out to note-takers…</source>
        <translation>Dela &amp;ut till antecknare…</translation>
    </message>
    <message>
        <source>Co&amp;llect from note-takers…</source>
        <translation>Sam&amp;la in…</translation>
    </message>
    <message>
        <source>S&amp;ynchronise with the organisation&apos;s database…</source>
        <translation>S&amp;ynkronisera med organisationens databas…</translation>
    </message>
    <message>
        <source>Take o&amp;ffline…</source>
        <translation>Ta med o&amp;ffline…</translation>
    </message>
    <message>
        <source>Export &amp;minutes…</source>
        <translation>Exportera &amp;minnesanteckningar…</translation>
    </message>
    <message>
        <source>Print sign-i&amp;n sheet…</source>
        <translation>Skriv ut &amp;närvarolista…</translation>
    </message>
    <message>
        <source>Print &amp;agenda handout…</source>
        <translation>Skriv ut &amp;dagordning…</translation>
    </message>
    <message>
        <source>Project &amp;report…</source>
        <translation>P&amp;rojektrapport…</translation>
    </message>
    <message>
        <source>Load &amp;sample project</source>
        <translation>Läs in &amp;exempelprojektet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>&amp;About Facilitator</source>
        <translation>&amp;Om Facilitator</translation>
    </message>
    <message>
        <source>&amp;Undo:</source>
        <translation>&amp;Ångra:</translation>
    </message>
    <message>
        <source>&amp;Redo:</source>
        <translation>&amp;Gör om:</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>&amp;Byt namn</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Sök…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Ta bort</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Redigera</translation>
    </message>
    <message>
        <source>&lt;nothing changed yet&gt;</source>
        <translation>&lt;inget ändrat ännu&gt;</translation>
    </message>
    <message>
        <source>Undo history</source>
        <translation>Ångra-historik</translation>
    </message>
    <message>
        <source>Undo &amp;history</source>
        <translation>Ångra-&amp;historik</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>Could not be done</source>
        <translation>Det gick inte</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Sparat {time}</translation>
    </message>
    <message>
        <source>About Facilitator</source>
        <translation>Om Facilitator</translation>
    </message>
    <message>
        <source>Facilitator {version}

Capture workshops offline and export the minutes to Word.

Database: {path}</source>
        <translation>Facilitator {version}

Dokumentera workshoppar utan internet och exportera minnesanteckningarna till Word.

Databas: {path}</translation>
    </message>
</context>
<context>
    <name>MarkdownEditor</name>
    <message>
        <source>Bold</source>
        <translation>Fetstil</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Kursiv</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Punktlista</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>Numrerad lista</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Citat</translation>
    </message>
</context>
<context>
    <name>MinutesPreviewPanel</name>
    <message>
        <source>No names needed replacing</source>
        <translation>Inga namn behövde bytas ut</translation>
    </message>
    <message>
        <source>{n} name was replaced</source>
        <translation>{n} namn ersattes</translation>
    </message>
    <message>
        <source>{n} names were replaced</source>
        <translation>{n} namn ersattes</translation>
    </message>
    <message>
        <source>({n} person)</source>
        <translation>({n} person)</translation>
    </message>
    <message>
        <source>({n} people)</source>
        <translation>({n} personer)</translation>
    </message>
    <message>
        <source>Preview of the minutes</source>
        <translation>Förhandsvisning av minnesanteckningarna</translation>
    </message>
    <message>
        <source>PgUp/PgDn: page, Ctrl+plus/minus: zoom</source>
        <translation>PgUp/PgDn: sida, Ctrl+plus/minus: zooma</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zooma ut</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zooma in</translation>
    </message>
    <message>
        <source>Page {current} of {count}</source>
        <translation>Sida {current} av {count}</translation>
    </message>
</context>
<context>
    <name>NavigatorCommands</name>
    <message>
        <source>Rename</source>
        <translation>Byt namn</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nytt namn:</translation>
    </message>
    <message>
        <source>Rename project</source>
        <translation>Byt namn på projekt</translation>
    </message>
    <message>
        <source>Rename workshop</source>
        <translation>Byt namn på workshop</translation>
    </message>
    <message>
        <source>Delete project</source>
        <translation>Ta bort projekt</translation>
    </message>
    <message>
        <source>Delete a public record?</source>
        <translation>Ta bort en allmän handling?</translation>
    </message>
    <message>
        <source>This workshop is marked as a finalised public record (allmän handling). Public records may only be removed according to the archive rules.

Move it to the trash anyway?</source>
        <translation>Den här workshopen är markerad som slutförd allmän handling. Allmänna handlingar får bara gallras enligt arkivreglerna.

Flytta den till papperskorgen ändå?</translation>
    </message>
    <message>
        <source>Delete workshop</source>
        <translation>Ta bort workshop</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Nytt projekt</translation>
    </message>
    <message>
        <source>Project name:</source>
        <translation>Projektets namn:</translation>
    </message>
    <message>
        <source>New workshop</source>
        <translation>Ny workshop</translation>
    </message>
    <message>
        <source>Create a project first (File → New project).</source>
        <translation>Skapa först ett projekt (Arkiv → Nytt projekt).</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>New workshop from an earlier one</source>
        <translation>Ny workshop från en tidigare</translation>
    </message>
    <message>
        <source>Title of the new workshop (agenda headings, focus areas and groups are copied from ”{title}”; notes, participants and wishes are not):</source>
        <translation>Titel på den nya workshopen (dagordningens rubriker, fokusområden och grupper kopieras från ”{title}”; anteckningar, deltagare och önskemål gör det inte):</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password for the organisation&apos;s database</source>
        <translation>Lösenord till organisationens databas</translation>
    </message>
    <message>
        <source>The organisation&apos;s database {address} wants a password.</source>
        <translation>Organisationens databas {address} vill ha ett lösenord.</translation>
    </message>
    <message>
        <source>The password was not accepted ({reason}).</source>
        <translation>Lösenordet godtogs inte ({reason}).</translation>
    </message>
    <message>
        <source>The server refused it: {reason}</source>
        <translation>Servern godtog det inte: {reason}</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <source>&amp;Remember on this computer</source>
        <translation>&amp;Kom ihåg på den här datorn</translation>
    </message>
    <message>
        <source>This computer has no password store Facilitator can use, so the password is asked each time the program starts. The organisation&apos;s IT department can put it in a pgpass file instead.</source>
        <translation>Den här datorn har inget lösenordsförråd som Facilitator kan använda, så lösenordet frågas efter varje gång programmet startar. Organisationens IT-avdelning kan lägga det i en pgpass-fil i stället.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Lösenord:</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <source>Walk-in name</source>
        <translation>Namn på den som kom</translation>
    </message>
    <message>
        <source>Name of someone who just came in, then Enter</source>
        <translation>Namn på någon som just kom in, sedan Enter</translation>
    </message>
    <message>
        <source>Walk-in organisation</source>
        <translation>Organisation för den som kom</translation>
    </message>
    <message>
        <source>Organisation (optional)</source>
        <translation>Organisation (frivilligt)</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Checka in</translation>
    </message>
    <message>
        <source>Add the walk-in and mark them present (Enter)</source>
        <translation>Lägg till personen och markera som närvarande (Enter)</translation>
    </message>
    <message>
        <source>At the door:</source>
        <translation>Vid dörren:</translation>
    </message>
    <message>
        <source>Participants of this workshop</source>
        <translation>Deltagare i den här workshopen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <source>May be named</source>
        <translation>Får namnges</translation>
    </message>
    <message>
        <source>May be named in published minutes (Space changes it)</source>
        <translation>Får namnges i publicerade minnesanteckningar (mellanslag ändrar)</translation>
    </message>
    <message>
        <source>N present · F absent · I invited · Space cycles (on May be named: yes/no) · Del removes from the list</source>
        <translation>N närvarande · F frånvarande · I inbjuden · Mellanslag växlar (på Får namnges: ja/nej) · Del tar bort från listan</translation>
    </message>
    <message>
        <source>This workshop</source>
        <translation>Den här workshopen</translation>
    </message>
    <message>
        <source>Search the register</source>
        <translation>Sök i registret</translation>
    </message>
    <message>
        <source>Search name, title, organisation or e-mail</source>
        <translation>Sök namn, titel, organisation eller e-post</translation>
    </message>
    <message>
        <source>People register</source>
        <translation>Personregister</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Här</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Export personal data…</source>
        <translation>Exportera personuppgifter…</translation>
    </message>
    <message>
        <source>Remove person (GDPR)…</source>
        <translation>Ta bort person (GDPR)…</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Bjud in</translation>
    </message>
    <message>
        <source>Add the chosen people as invited (I)</source>
        <translation>Lägg till de valda som inbjudna (I)</translation>
    </message>
    <message>
        <source>Mark the chosen people as present (Enter or N)</source>
        <translation>Markera de valda som närvarande (Enter eller N)</translation>
    </message>
    <message>
        <source>New person…</source>
        <translation>Ny person…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Redigera…</translation>
    </message>
    <message>
        <source>Edit the chosen person (F2)</source>
        <translation>Redigera den valda personen (F2)</translation>
    </message>
    <message>
        <source>Register of people</source>
        <translation>Personregister</translation>
    </message>
    <message>
        <source>Choose a workshop to check people in. The register can be kept up to date anyway.</source>
        <translation>Välj en workshop för att checka in deltagare. Registret kan hållas uppdaterat ändå.</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Inbjuden</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Närvarande</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Frånvarande</translation>
    </message>
    <message>
        <source>{present} present of {total}</source>
        <translation>{present} närvarande av {total}</translation>
    </message>
    <message>
        <source>{waiting} not here yet</source>
        <translation>{waiting} har inte kommit än</translation>
    </message>
    <message>
        <source>{name} is already in the register: Enter checks them in.</source>
        <translation>{name} finns redan i registret: Enter checkar in personen.</translation>
    </message>
    <message>
        <source>Enter adds a new person and checks them in.</source>
        <translation>Enter lägger till en ny person och checkar in den.</translation>
    </message>
    <message>
        <source>{name} is already checked in.</source>
        <translation>{name} är redan incheckad.</translation>
    </message>
    <message>
        <source>Check in {name}</source>
        <translation>Checka in {name}</translation>
    </message>
    <message>
        <source>Check in walk-in {name}</source>
        <translation>Checka in {name} som kom utan anmälan</translation>
    </message>
    <message>
        <source>Allow naming {name} in published minutes</source>
        <translation>Tillåt att {name} namnges i publicerade minnesanteckningar</translation>
    </message>
    <message>
        <source>Do not name {name} in published minutes</source>
        <translation>Namnge inte {name} i publicerade minnesanteckningar</translation>
    </message>
    <message>
        <source>{name} is checked in.</source>
        <translation>{name} är incheckad.</translation>
    </message>
    <message>
        <source>Mark {name} as {status}</source>
        <translation>Markera {name} som {status}</translation>
    </message>
    <message>
        <source>Add {name} as {status}</source>
        <translation>Lägg till {name} som {status}</translation>
    </message>
    <message>
        <source>Change attendance of {name}</source>
        <translation>Ändra närvaro för {name}</translation>
    </message>
    <message>
        <source>Change role of {name}</source>
        <translation>Ändra roll för {name}</translation>
    </message>
    <message>
        <source>Move {name} to the trash</source>
        <translation>Flytta {name} till papperskorgen</translation>
    </message>
    <message>
        <source>Remove {name} from the list</source>
        <translation>Ta bort {name} från deltagarlistan</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>{count} personer</translation>
    </message>
    <message>
        <source>May not be named</source>
        <translation>Får inte namnges</translation>
    </message>
</context>
<context>
    <name>PersonCard</name>
    <message>
        <source>{number}: keep this one</source>
        <translation>{number}: behåll den här</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Workshops attended</source>
        <translation>Närvarat (workshoppar)</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Created if it is new</source>
        <translation>Skapas om den är ny</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>Redigera {name}</translation>
    </message>
    <message>
        <source>Edit person</source>
        <translation>Redigera person</translation>
    </message>
    <message>
        <source>New person {name}</source>
        <translation>Ny person {name}</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Ny person</translation>
    </message>
</context>
<context>
    <name>ProjectNavigator</name>
    <message>
        <source>Projects and workshops</source>
        <translation>Projekt och workshoppar</translation>
    </message>
    <message>
        <source>Project / workshop</source>
        <translation>Projekt / workshop</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
</context>
<context>
    <name>ProjectReportDialog</name>
    <message>
        <source>Project report</source>
        <translation>Projektrapport</translation>
    </message>
    <message>
        <source>Figures for the project, then per focus area its narrative, the wishes of every workshop with their follow-ups, and the actions with their due dates.</source>
        <translation>Siffror för projektet och sedan per fokusområde dess berättelse, alla workshoppars önskemål med uppföljningar och åtgärderna med klart senast-datum.</translation>
    </message>
    <message>
        <source>File to save</source>
        <translation>Fil att spara</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Spara som</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Spara som:</translation>
    </message>
</context>
<context>
    <name>ProjectorControls</name>
    <message>
        <source>Show on projector ({key})</source>
        <translation>Visa på projektor ({key})</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupp</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Alla grupper</translation>
    </message>
    <message>
        <source>Timer</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Röster</translation>
    </message>
    <message>
        <source>Agenda item on the projector</source>
        <translation>Punkt på projektorn</translation>
    </message>
    <message>
        <source>Group on the projector</source>
        <translation>Grupp på projektorn</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation>Punkt:</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>Grupp:</translation>
    </message>
    <message>
        <source>The whole agenda</source>
        <translation>Hela dagordningen</translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <source>Facilitator – projector</source>
        <translation>Facilitator – projektor</translation>
    </message>
    <message>
        <source>Show on &amp;projector</source>
        <translation>Visa på &amp;projektor</translation>
    </message>
    <message>
        <source>Show or hide the projector window (F5)</source>
        <translation>Visa eller dölj projektorfönstret (F5)</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Helskärm</translation>
    </message>
    <message>
        <source>Leave full screen</source>
        <translation>Lämna helskärm</translation>
    </message>
    <message>
        <source>Hide the projector</source>
        <translation>Dölj projektorn</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Dagordning</translation>
    </message>
    <message>
        <source>No agenda items yet.</source>
        <translation>Inga punkter på dagordningen ännu.</translation>
    </message>
    <message>
        <source>No wishes yet.</source>
        <translation>Inga önskemål ännu.</translation>
    </message>
    <message>
        <source>No groups yet.</source>
        <translation>Inga grupper ännu.</translation>
    </message>
    <message>
        <source>Wishes and ambitions</source>
        <translation>Önskemål och ambitioner</translation>
    </message>
    <message>
        <source>Priorities</source>
        <translation>Prioriteringar</translation>
    </message>
    <message>
        <source>No votes yet.</source>
        <translation>Inga röster ännu.</translation>
    </message>
    <message>
        <source>Group {n} of {count}</source>
        <translation>Grupp {n} av {count}</translation>
    </message>
    <message>
        <source>Item {n} of {count}</source>
        <translation>Punkt {n} av {count}</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… och {n} till</translation>
    </message>
    <message>
        <source>Time is up</source>
        <translation>Tiden är ute</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausad</translation>
    </message>
</context>
<context>
    <name>ResponsiblesDialog</name>
    <message>
        <source>Responsible for the action</source>
        <translation>Ansvariga för åtgärden</translation>
    </message>
    <message>
        <source>Enter adds what is typed; Enter in an empty field is OK. Delete removes the chosen one, Alt+Up / Alt+Down moves it.</source>
        <translation>Retur lägger till det som är skrivet; Retur i ett tomt fält är OK. Delete tar bort den valda, Alt+Upp / Alt+Ned flyttar den.</translation>
    </message>
</context>
<context>
    <name>ResponsiblesEditor</name>
    <message>
        <source>Responsibles</source>
        <translation>Ansvariga</translation>
    </message>
    <message>
        <source>Delete removes the chosen one; Alt+Up and Alt+Down move it</source>
        <translation>Delete tar bort den valda; Alt+Upp och Alt+Ned flyttar den</translation>
    </message>
    <message>
        <source>Delete removes; Alt+Up / Alt+Down changes the order</source>
        <translation>Delete tar bort; Alt+Upp / Alt+Ned ändrar ordningen</translation>
    </message>
    <message>
        <source>Add responsible</source>
        <translation>Lägg till ansvarig</translation>
    </message>
    <message>
        <source>Add a person or an organisation, or type a name, then Enter</source>
        <translation>Lägg till en person eller en organisation, eller skriv ett namn, tryck sedan Retur</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Återställ från säkerhetskopia</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Säkerhetskopior</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Gjord</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Storlek</translation>
    </message>
    <message>
        <source>Workshops</source>
        <translation>Workshoppar</translation>
    </message>
    <message>
        <source>Wishes</source>
        <translation>Önskemål</translation>
    </message>
    <message>
        <source>There are no backups of this database yet.</source>
        <translation>Det finns inga säkerhetskopior av den här databasen ännu.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Återställ</translation>
    </message>
    <message>
        <source>Restoring replaces the open database with the chosen backup. The current file is not deleted: it is kept beside it as “{name}.replaced-…”.</source>
        <translation>Återställningen ersätter den öppna databasen med den valda säkerhetskopian. Den nuvarande filen tas inte bort: den sparas bredvid som ”{name}.replaced-…”.</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>oläslig</translation>
    </message>
    <message>
        <source>at start</source>
        <translation>vid start</translation>
    </message>
    <message>
        <source>at close</source>
        <translation>vid stängning</translation>
    </message>
    <message>
        <source>while working</source>
        <translation>under arbetet</translation>
    </message>
    <message>
        <source>before an update</source>
        <translation>före en uppdatering</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>{size} kB</source>
        <translation>{size} kB</translation>
    </message>
</context>
<context>
    <name>RolesEditor</name>
    <message>
        <source>Roles</source>
        <translation>Roller</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <source>Choose a role or type one</source>
        <translation>Välj en roll eller skriv en egen</translation>
    </message>
    <message>
        <source>Who has the role</source>
        <translation>Vem som har rollen</translation>
    </message>
    <message>
        <source>Choose a person or type a name</source>
        <translation>Välj en person eller skriv ett namn</translation>
    </message>
    <message>
        <source>Add role</source>
        <translation>Lägg till roll</translation>
    </message>
    <message>
        <source>Enter adds the role · in the list: Del deletes · Alt+↑ / ↓ move · Ctrl+Z undoes</source>
        <translation>Enter lägger till rollen · i listan: Del tar bort · Alt+↑ / ↓ flyttar · Ctrl+Z ångrar</translation>
    </message>
    <message>
        <source>Remove role</source>
        <translation>Ta bort roll</translation>
    </message>
    <message>
        <source>Move role</source>
        <translation>Flytta roll</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search</source>
        <translation>Sök</translation>
    </message>
    <message>
        <source>Search workshops, agenda items, wishes, focus areas and people</source>
        <translation>Sök i workshoppar, punkter, önskemål, fokusområden och personer</translation>
    </message>
    <message>
        <source>Search for</source>
        <translation>Sök efter</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Sökresultat</translation>
    </message>
    <message>
        <source>Type a few letters to search workshops, agenda items, wishes, focus areas and people.</source>
        <translation>Skriv några bokstäver för att söka i workshoppar, punkter, önskemål, fokusområden och personer.</translation>
    </message>
    <message>
        <source>The search failed: {error}</source>
        <translation>Sökningen misslyckades: {error}</translation>
    </message>
    <message>
        <source>No results for “{text}”.</source>
        <translation>Inga träffar för ”{text}”.</translation>
    </message>
    <message>
        <source>1 result</source>
        <translation>1 träff</translation>
    </message>
    <message>
        <source>The first {count} results; add a word to narrow the search.</source>
        <translation>De {count} första träffarna; lägg till ett ord för att snäva in sökningen.</translation>
    </message>
    <message>
        <source>{count} results</source>
        <translation>{count} träffar</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>Wish</source>
        <translation>Önskemål</translation>
    </message>
    <message>
        <source>Focus area</source>
        <translation>Fokusområde</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
</context>
<context>
    <name>ServerSession</name>
    <message>
        <source>The database could not be opened</source>
        <translation>Databasen kunde inte öppnas</translation>
    </message>
    <message>
        <source>The server&apos;s backups are kept by the organisation&apos;s IT department.</source>
        <translation>Serverns säkerhetskopior sköts av organisationens IT-avdelning.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>The organisation&apos;s database</source>
        <translation>Organisationens databas</translation>
    </message>
    <message>
        <source>&amp;Forget the saved password</source>
        <translation>&amp;Glöm det sparade lösenordet</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Språk:</translation>
    </message>
    <message>
        <source>The organisation&apos;s database:</source>
        <translation>Organisationens databas:</translation>
    </message>
    <message>
        <source>A new language is used from the next start of Facilitator.</source>
        <translation>Ett nytt språk används från nästa gång Facilitator startas.</translation>
    </message>
    <message>
        <source>File → Synchronise merges this computer&apos;s projects with the organisation&apos;s database. Its password is never kept in the settings: Facilitator asks for it and can keep it in this computer&apos;s password store, or libpq reads it from a pgpass file.</source>
        <translation>Arkiv → Synkronisera slår ihop den här datorns projekt med organisationens databas. Lösenordet sparas aldrig i inställningarna: Facilitator frågar efter det och kan spara det i datorns lösenordsförråd, eller så läses det från en pgpass-fil.</translation>
    </message>
    <message>
        <source>Write the organisation&apos;s database address first.</source>
        <translation>Skriv organisationens databasadress först.</translation>
    </message>
    <message>
        <source>The saved password of {address} was removed from this computer.</source>
        <translation>Det sparade lösenordet till {address} togs bort från den här datorn.</translation>
    </message>
    <message>
        <source>No password of {address} was saved on this computer.</source>
        <translation>Inget lösenord till {address} var sparat på den här datorn.</translation>
    </message>
    <message>
        <source>Leave the password out of the address: the settings are not a safe place for it. Facilitator asks for it when it connects and can keep it in this computer&apos;s password store; or put it in a pgpass file (pgpass.conf in %APPDATA%\postgresql on Windows, ~/.pgpass elsewhere), where the database connection finds it.</source>
        <translation>Skriv inte lösenordet i adressen: inställningarna är ingen säker plats för det. Facilitator frågar efter det när det ansluter och kan spara det i datorns lösenordsförråd; eller lägg det i en pgpass-fil (pgpass.conf i %APPDATA%\postgresql på Windows, annars ~/.pgpass), där databasanslutningen hittar det.</translation>
    </message>
    <message>
        <source>Write the address of a PostgreSQL database, beginning with postgresql://, for example postgresql://anna@server/facilitator.</source>
        <translation>Skriv adressen till en PostgreSQL-databas, som börjar med postgresql://, till exempel postgresql://anna@server/facilitator.</translation>
    </message>
    <message>
        <source>The address needs both the server and the database, for example postgresql://anna@server/facilitator.</source>
        <translation>Adressen behöver både servern och databasen, till exempel postgresql://anna@server/facilitator.</translation>
    </message>
</context>
<context>
    <name>StatusDelegate</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>SyncCommands</name>
    <message>
        <source>Facilitator – the organisation&apos;s database</source>
        <translation>Facilitator – organisationens databas</translation>
    </message>
    <message>
        <source>Name the organisation&apos;s database in File → Settings first.</source>
        <translation>Ange organisationens databas i Arkiv → Inställningar först.</translation>
    </message>
    <message>
        <source>Open this computer&apos;s &amp;database</source>
        <translation>Öppna den här datorns &amp;databas</translation>
    </message>
    <message>
        <source>Open the organisation&apos;s data&amp;base…</source>
        <translation>Öppna organisationens data&amp;bas…</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Synchronise with the organisation&apos;s database</source>
        <translation>Synkronisera med organisationens databas</translation>
    </message>
    <message>
        <source>The organisation&apos;s database: {address}</source>
        <translation>Organisationens databas: {address}</translation>
    </message>
    <message>
        <source>What the sync brings, per direction</source>
        <translation>Vad synkroniseringen för över, i varje riktning</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nya</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Ändrade</translation>
    </message>
    <message>
        <source>In conflict</source>
        <translation>I konflikt</translation>
    </message>
    <message>
        <source>To the server</source>
        <translation>Till servern</translation>
    </message>
    <message>
        <source>To this computer</source>
        <translation>Till den här datorn</translation>
    </message>
    <message>
        <source>Connecting to the organisation&apos;s database…</source>
        <translation>Ansluter till organisationens databas…</translation>
    </message>
    <message>
        <source>&amp;Synchronise</source>
        <translation>&amp;Synkronisera</translation>
    </message>
    <message>
        <source>Show &amp;conflicts</source>
        <translation>Visa &amp;konflikter</translation>
    </message>
    <message>
        <source>Enter: synchronise · Esc: close · {key}: Conflicts</source>
        <translation>Retur: synkronisera · Esc: stäng · {key}: Konflikter</translation>
    </message>
    <message>
        <source>This computer and the organisation&apos;s database have no project in common. Take a project offline first: start Facilitator on the organisation&apos;s database and choose File → Take offline…</source>
        <translation>Den här datorn och organisationens databas har inget gemensamt projekt. Ta med ett projekt offline först: starta Facilitator mot organisationens databas och välj Arkiv → Ta med offline…</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Synchronise to bring these changes to both sides.</source>
        <translation>Inget har skrivits än. Synkronisera för att föra över ändringarna åt båda hållen.</translation>
    </message>
    <message>
        <source>{n} fields were changed on both sides: the newer value is kept and the other is saved in Conflicts on this computer ({key}).</source>
        <translation>{n} fält hade ändrats på båda håll: det nyare värdet behölls och det andra sparades i Konflikter på den här datorn ({key}).</translation>
    </message>
    <message>
        <source>The server wants a password.</source>
        <translation>Servern vill ha ett lösenord.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Synchronising…</source>
        <translation>Synkroniserar…</translation>
    </message>
    <message>
        <source>Synchronised: this computer and the organisation&apos;s database now hold the same.</source>
        <translation>Synkroniserat: den här datorn och organisationens databas innehåller nu samma sak.</translation>
    </message>
    <message>
        <source>Could not be done: {reason}
Nothing has been lost; try again when the connection works.</source>
        <translation>Det gick inte: {reason}
Inget har gått förlorat; försök igen när anslutningen fungerar.</translation>
    </message>
    <message>
        <source>Projects on both: {names}</source>
        <translation>Projekt på båda: {names}</translation>
    </message>
</context>
<context>
    <name>TakeOfflineDialog</name>
    <message>
        <source>Take offline</source>
        <translation>Ta med offline</translation>
    </message>
    <message>
        <source>Check the projects to copy to this computer (Space checks and unchecks).</source>
        <translation>Kryssa i projekten som ska kopieras till den här datorn (Mellanslag kryssar i och ur).</translation>
    </message>
    <message>
        <source>Projects on the organisation&apos;s database</source>
        <translation>Projekt i organisationens databas</translation>
    </message>
    <message>
        <source>They are copied into {path}.</source>
        <translation>De kopieras till {path}.</translation>
    </message>
    <message>
        <source>&amp;Take offline</source>
        <translation>&amp;Ta med</translation>
    </message>
    <message>
        <source>Reading the projects from the organisation&apos;s database…</source>
        <translation>Läser projekten från organisationens databas…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Copied to this computer, into {path}: {names}. Start Facilitator without --db to work on them offline; File → Synchronise with the organisation&apos;s database brings the changes back.</source>
        <translation>Kopierat till den här datorn, till {path}: {names}. Starta Facilitator utan --db för att arbeta med dem offline; Arkiv → Synkronisera med organisationens databas för tillbaka ändringarna.</translation>
    </message>
    <message>
        <source>Could not be done: {reason}
Nothing has been changed.</source>
        <translation>Det gick inte: {reason}
Inget har ändrats.</translation>
    </message>
</context>
<context>
    <name>TallyBar</name>
    <message>
        <source>Votes for this wish</source>
        <translation>Röster på det här önskemålet</translation>
    </message>
    <message>
        <source>Type the count, Enter saves and goes on · ↑ / ↓ back and on without saving · Esc ends</source>
        <translation>Skriv antalet, Enter sparar och går vidare · ↑ / ↓ bakåt och framåt utan att spara · Esc avslutar</translation>
    </message>
    <message>
        <source>Votes:</source>
        <translation>Röster:</translation>
    </message>
</context>
<context>
    <name>TimerWidget</name>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Timer minutes</source>
        <translation>Timerns minuter</translation>
    </message>
    <message>
        <source>Length of the timer in minutes</source>
        <translation>Timerns längd i minuter</translation>
    </message>
    <message>
        <source>Start timer</source>
        <translation>Starta timern</translation>
    </message>
    <message>
        <source>Reset timer</source>
        <translation>Nollställ timern</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Nollställ</translation>
    </message>
    <message>
        <source>Back to the full time</source>
        <translation>Tillbaka till hela tiden</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Tid kvar</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Paus</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsätt</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starta</translation>
    </message>
    <message>
        <source>Start or pause the timer</source>
        <translation>Starta eller pausa timern</translation>
    </message>
    <message>
        <source>Pause timer</source>
        <translation>Pausa timern</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Trash</source>
        <translation>Papperskorg</translation>
    </message>
    <message>
        <source>Deleted projects and workshops</source>
        <translation>Borttagna projekt och workshoppar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Borttagen</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>Papperskorgen är tom.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Återställ</translation>
    </message>
    <message>
        <source>Remove for good…</source>
        <translation>Ta bort för gott…</translation>
    </message>
    <message>
        <source>Empty the trash…</source>
        <translation>Töm papperskorgen…</translation>
    </message>
    <message>
        <source>Deleted workshops stay here until the trash is emptied. Restoring brings back everything that was in them.</source>
        <translation>Borttagna workshoppar ligger här tills papperskorgen töms. Återställer du en kommer allt som fanns i den tillbaka.</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>Restore project</source>
        <translation>Återställ projekt</translation>
    </message>
    <message>
        <source>Restore workshop</source>
        <translation>Återställ workshop</translation>
    </message>
    <message>
        <source>Remove for good?</source>
        <translation>Ta bort för gott?</translation>
    </message>
    <message>
        <source>This cannot be undone. Remove it and everything in it for good?</source>
        <translation>Det här går inte att ångra. Ta bort den och allt i den för gott?</translation>
    </message>
    <message>
        <source>This is a finalised public record (allmän handling). Remove it only if the archive rules allow it. This cannot be undone.</source>
        <translation>Det här är en slutförd allmän handling. Ta bara bort den om arkivreglerna tillåter det. Det går inte att ångra.</translation>
    </message>
    <message>
        <source>Everything in the trash except finalised public records is removed for good. This cannot be undone.</source>
        <translation>Allt i papperskorgen utom slutförda allmänna handlingar tas bort för gott. Det går inte att ångra.</translation>
    </message>
</context>
<context>
    <name>WindowKeys</name>
    <message>
        <source>&amp;Next page</source>
        <translation>&amp;Nästa sida</translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation>&amp;Föregående sida</translation>
    </message>
    <message>
        <source>&amp;Capture line of the current group</source>
        <translation>&amp;Inmatningsraden i aktuell grupp</translation>
    </message>
    <message>
        <source>&amp;Go to page</source>
        <translation>&amp;Gå till sida</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Kortkommandon</translation>
    </message>
    <message>
        <source>This workshop has no groups yet: form them on Grupper.</source>
        <translation>Workshopen har inga grupper än: bilda dem under Grupper.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <source>Next / previous page</source>
        <translation>Nästa / föregående sida</translation>
    </message>
    <message>
        <source>Page 1…10</source>
        <translation>Sida 1…10</translation>
    </message>
    <message>
        <source>Capture line of the current group</source>
        <translation>Inmatningsraden i aktuell grupp</translation>
    </message>
    <message>
        <source>Leave a table or a field</source>
        <translation>Lämna en tabell eller ett fält</translation>
    </message>
    <message>
        <source>Leave a note, back to the page&apos;s list</source>
        <translation>Lämna en anteckning, tillbaka till sidans lista</translation>
    </message>
    <message>
        <source>Nest or un-nest a list item in a note</source>
        <translation>Dra in eller ut en listpunkt i en anteckning</translation>
    </message>
    <message>
        <source>Leave the wish board: Esc until the capture line is empty and no wish is chosen, then</source>
        <translation>Lämna önskemålstavlan: Esc tills inmatningsraden är tom och inget önskemål är valt, sedan</translation>
    </message>
    <message>
        <source>Show on the projector</source>
        <translation>Visa på projektorn</translation>
    </message>
    <message>
        <source>Projector: item, group, all groups, timer, votes</source>
        <translation>Projektorn: punkt, grupp, alla grupper, timer, röster</translation>
    </message>
    <message>
        <source>Start or pause the timer / reset it</source>
        <translation>Starta eller pausa timern / återställ den</translation>
    </message>
    <message>
        <source>New person (Participants page)</source>
        <translation>Ny person (sidan Deltagare)</translation>
    </message>
    <message>
        <source>Check in (Participants page)</source>
        <translation>Checka in (sidan Deltagare)</translation>
    </message>
    <message>
        <source>Follow-up: open, in progress, done, dropped</source>
        <translation>Uppföljning: öppen, pågår, klar, struken</translation>
    </message>
    <message>
        <source>Follow-up: comment, responsible, action from the wish</source>
        <translation>Uppföljning: kommentar, ansvarig, åtgärd av önskemålet</translation>
    </message>
    <message>
        <source>Project report</source>
        <translation>Projektrapport</translation>
    </message>
    <message>
        <source>Conflicts: keep / take the other value</source>
        <translation>Konflikter: behåll / ta det andra värdet</translation>
    </message>
    <message>
        <source>Export the shown actions to Excel (Actions page)</source>
        <translation>Exportera de visade åtgärderna till Excel (sidan Åtgärder)</translation>
    </message>
    <message>
        <source>Hand out to note-takers / collect from them</source>
        <translation>Dela ut till antecknare / samla in</translation>
    </message>
    <message>
        <source>Same person registered twice? (Participants page)</source>
        <translation>Samma person registrerad två gånger? (sidan Deltagare)</translation>
    </message>
    <message>
        <source>Synchronise with the organisation&apos;s database</source>
        <translation>Synkronisera med organisationens databas</translation>
    </message>
    <message>
        <source>Open the organisation&apos;s database (or, there, this computer&apos;s)</source>
        <translation>Öppna organisationens databas (eller, där, den här datorns)</translation>
    </message>
    <message>
        <source>Projector: agenda &amp;item</source>
        <translation>Projektorn: dagordnings&amp;punkt</translation>
    </message>
    <message>
        <source>Projector: &amp;group being captured</source>
        <translation>Projektorn: &amp;gruppen som skrivs</translation>
    </message>
    <message>
        <source>Projector: &amp;all groups</source>
        <translation>Projektorn: &amp;alla grupper</translation>
    </message>
    <message>
        <source>Projector: t&amp;imer</source>
        <translation>Projektorn: t&amp;imer</translation>
    </message>
    <message>
        <source>Projector: &amp;votes</source>
        <translation>Projektorn: &amp;röster</translation>
    </message>
    <message>
        <source>Add a person to the register ({key})</source>
        <translation>Lägg till en person i registret ({key})</translation>
    </message>
    <message>
        <source>Mark the chosen people as present (Enter, N or {key})</source>
        <translation>Markera de valda personerna som närvarande (Enter, N eller {key})</translation>
    </message>
    <message>
        <source>Add the walk-in and mark them present (Enter or {key})</source>
        <translation>Lägg till personen vid dörren och markera som närvarande (Enter eller {key})</translation>
    </message>
</context>
<context>
    <name>WishBoardView</name>
    <message>
        <source>One group at a time</source>
        <translation>En grupp i taget</translation>
    </message>
    <message>
        <source>Show only the group being captured, full width (Ctrl+1…9 switches)</source>
        <translation>Visa bara gruppen som skrivs in, i full bredd (Ctrl+1…9 byter)</translation>
    </message>
    <message>
        <source>Sort by votes</source>
        <translation>Sortera efter röster</translation>
    </message>
    <message>
        <source>Show each level&apos;s wishes with the most votes first; the stored order stays</source>
        <translation>Visa önskemålen på varje nivå med flest röster först; den sparade ordningen ändras inte</translation>
    </message>
    <message>
        <source>Count votes</source>
        <translation>Räkna röster</translation>
    </message>
    <message>
        <source>Walk wish by wish and type the counts from the flip-charts</source>
        <translation>Gå önskemål för önskemål och skriv in rösterna från blädderblocken</translation>
    </message>
    <message>
        <source>Reset votes</source>
        <translation>Nollställ röster</translation>
    </message>
    <message>
        <source>Set every vote of this workshop to 0 (Ctrl+Z brings them back)</source>
        <translation>Sätt alla röster i den här workshopen till 0 (Ctrl+Z tar tillbaka dem)</translation>
    </message>
    <message>
        <source>Enter adds · Tab / Shift+Tab nest · Alt+↑ / ↓ move · ↑ / ↓ choose · F2 edits · Del deletes · Ctrl+Z undoes · Ctrl++ / Ctrl+− votes · Ctrl+1…9 group</source>
        <translation>Enter lägger till · Tab / Skift+Tab flyttar in och ut · Alt+↑ / ↓ flyttar · ↑ / ↓ väljer · F2 redigerar · Del tar bort · Ctrl+Z ångrar · Ctrl++ / Ctrl+− röstar · Ctrl+1…9 grupp</translation>
    </message>
    <message>
        <source>Group {n}</source>
        <translation>Grupp {n}</translation>
    </message>
    <message>
        <source>Open a workshop to capture its groups&apos; wishes.</source>
        <translation>Öppna en workshop för att skriva in gruppernas önskemål.</translation>
    </message>
    <message>
        <source>This workshop has no groups yet. Form the groups first; each gets a column here.</source>
        <translation>Workshopen har inga grupper än. Bilda grupperna först; var och en får en kolumn här.</translation>
    </message>
    <message>
        <source>There are no wishes to count yet.</source>
        <translation>Det finns inga önskemål att räkna än.</translation>
    </message>
    <message>
        <source>{group} · wish {n} of {total}</source>
        <translation>{group} · önskemål {n} av {total}</translation>
    </message>
    <message>
        <source>Every wish is counted.</source>
        <translation>Alla önskemål är räknade.</translation>
    </message>
</context>
<context>
    <name>WishColumn</name>
    <message>
        <source>Ctrl+{n} captures here</source>
        <translation>Ctrl+{n} skriver in här</translation>
    </message>
    <message>
        <source>Wishes of {group}</source>
        <translation>Önskemål från {group}</translation>
    </message>
    <message>
        <source>New wish for {group}</source>
        <translation>Nytt önskemål för {group}</translation>
    </message>
    <message>
        <source>Type a wish, then Enter</source>
        <translation>Skriv ett önskemål, sedan Enter</translation>
    </message>
    <message>
        <source>No wishes yet</source>
        <translation>Inga önskemål än</translation>
    </message>
    <message>
        <source>{n} wishes · {v} votes</source>
        <translation>{n} önskemål · {v} röster</translation>
    </message>
    <message>
        <source>{n} wishes</source>
        <translation>{n} önskemål</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Unexpected error</source>
        <translation>Oväntat fel</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Your work is saved.

{summary}

Details are in the log file:
{path}</source>
        <translation>Något oväntat gick fel. Det du har skrivit är sparat.

{summary}

Detaljer finns i loggfilen:
{path}</translation>
    </message>
</context>
</TS>
