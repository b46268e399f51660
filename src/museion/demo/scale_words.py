"""Words for the scale data set: titles and descriptions in six languages.

Varied on purpose, so a full-text search over 100,000 activities matches a realistic share of
them (a subject word a few percent, a common word most).
"""

from museion.museumday.models import Category


def _words(text: str) -> list[str]:
    return [word.strip() for word in text.split(";") if word.strip()]


# Themes of the five editions, oldest first: four past editions and the coming one (see scale.py).
EDITION_THEMES = [
    "The Power of Museums",
    "Museums, Sustainability and Wellbeing",
    "Museums for Education and Research",
    "The Future of Museums in Rapidly Changing Communities",
    "Museums Connecting Generations",
]

# The language an activity is written in, when the museum's own language has no word list.
FALLBACK_LANGUAGE = "en"

SUBJECTS = {
    "en": _words(
        "ceramics; Roman coins; textiles; botanical drawings; early photography; "
        "jazz posters; medieval manuscripts; fossils; dinosaur bones; maritime maps; "
        "street art; Bronze Age tools; Japanese woodblock prints; basketry; silverware; "
        "clockmaking; stained glass; natural dyes; ancient glass; folk costumes; "
        "steam engines; meteorites; butterflies; herbarium specimens; sculpture; "
        "calligraphy; musical instruments; puppets; mosaics; tapestries"
    ),
    "fr": _words(
        "céramiques; monnaies romaines; tissus anciens; dessins botaniques; "
        "photographie ancienne; affiches de cinéma; manuscrits enluminés; fossiles; "
        "cartes marines; art urbain; outils préhistoriques; estampes japonaises; "
        "orfèvrerie; horlogerie; vitraux; teintures naturelles; costumes régionaux; "
        "machines à vapeur; météorites; papillons; herbiers; sculptures; "
        "instruments de musique; marionnettes; mosaïques; tapisseries"
    ),
    "es": _words(
        "cerámica; monedas romanas; textiles andinos; dibujos botánicos; "
        "fotografía antigua; carteles de cine; códices; fósiles; mapas náuticos; "
        "arte urbano; herramientas prehistóricas; grabados; platería; relojería; "
        "vitrales; tintes naturales; trajes tradicionales; locomotoras; meteoritos; "
        "mariposas; herbarios; escultura; instrumentos musicales; títeres; mosaicos"
    ),
    "de": _words(
        "Keramik; römische Münzen; Textilien; botanische Zeichnungen; frühe Fotografie; "
        "Filmplakate; mittelalterliche Handschriften; Fossilien; Seekarten; "
        "Straßenkunst; Bronzezeit; Holzschnitte; Silberschmiedekunst; Uhrmacherei; "
        "Glasmalerei; Naturfarben; Trachten; Dampfmaschinen; Meteoriten; Schmetterlinge; "
        "Herbarien; Skulpturen; Musikinstrumente; Marionetten"
    ),
    "it": _words(
        "ceramiche; monete romane; tessuti; disegni botanici; fotografia storica; "
        "manifesti; manoscritti miniati; fossili; carte nautiche; arte urbana; "
        "strumenti preistorici; stampe giapponesi; oreficeria; orologeria; vetrate; "
        "tinture naturali; costumi tradizionali; macchine a vapore; meteoriti; farfalle; "
        "erbari; scultura; strumenti musicali; marionette; mosaici"
    ),
    "pt": _words(
        "cerâmica; moedas romanas; têxteis; desenhos botânicos; fotografia antiga; "
        "cartazes; manuscritos; fósseis; mapas náuticos; arte urbana; azulejos; "
        "gravuras; ourivesaria; relojoaria; vitrais; tintas naturais; "
        "trajes tradicionais; locomotivas; meteoritos; borboletas; herbários; escultura; "
        "instrumentos musicais; marionetas; mosaicos"
    ),
}

TITLES = {
    "en": {
        Category.EXHIBITION: ["Exhibition: {subject}", "{Subject} from the stores, on show"],
        Category.GUIDED_TOUR: ["Guided tour: {subject}", "Curator's tour of the {subject}"],
        Category.WORKSHOP: ["Workshop: {subject} for beginners", "Hands-on {subject} workshop"],
        Category.TALK: ["Talk: the story of {subject}", "Lecture on {subject}"],
        Category.PERFORMANCE: ["Night concert among the {subject}", "Theatre and {subject}"],
        Category.FAMILY: ["Family trail: find the {subject}", "Kids' quest: {subject}"],
        Category.ONLINE_EVENT: ["Live online visit: {subject}", "Webinar: {subject}"],
        Category.OPEN_DAY: ["Free entry: discover our {subject}", "Open day at the museum"],
        Category.OTHER: ["Storytelling: {subject}", "Picnic and {subject} in the garden"],
    },
    "fr": {
        Category.EXHIBITION: ["Exposition : {subject}", "Trésors des réserves : {subject}"],
        Category.GUIDED_TOUR: ["Visite guidée : {subject}", "Visite commentée des {subject}"],
        Category.WORKSHOP: ["Atelier : {subject}", "Atelier d'initiation aux {subject}"],
        Category.TALK: ["Conférence : l'histoire des {subject}", "Rencontre autour des {subject}"],
        Category.PERFORMANCE: ["Concert nocturne parmi les {subject}", "Spectacle et {subject}"],
        Category.FAMILY: ["Jeu de piste en famille : {subject}", "Chasse au trésor : {subject}"],
        Category.ONLINE_EVENT: ["Visite en ligne : {subject}", "Webinaire : {subject}"],
        Category.OPEN_DAY: ["Entrée libre : découvrez nos {subject}", "Journée portes ouvertes"],
        Category.OTHER: ["Contes au musée : {subject}", "Pique-nique et {subject} au jardin"],
    },
    "es": {
        Category.EXHIBITION: ["Exposición: {subject}", "Tesoros de la reserva: {subject}"],
        Category.GUIDED_TOUR: ["Visita guiada: {subject}", "Recorrido comentado: {subject}"],
        Category.WORKSHOP: ["Taller de {subject}", "Taller para principiantes: {subject}"],
        Category.TALK: ["Charla: la historia de la {subject}", "Conferencia sobre {subject}"],
        Category.PERFORMANCE: ["Concierto nocturno: {subject}", "Teatro entre {subject}"],
        Category.FAMILY: ["Recorrido en familia: {subject}", "Búsqueda del tesoro: {subject}"],
        Category.ONLINE_EVENT: ["Visita virtual en directo: {subject}", "Seminario web: {subject}"],
        Category.OPEN_DAY: ["Entrada libre: descubre {subject}", "Jornada de puertas abiertas"],
        Category.OTHER: ["Cuentacuentos: {subject}", "Merienda y {subject} en el jardín"],
    },
    "de": {
        Category.EXHIBITION: ["Ausstellung: {subject}", "Schätze aus dem Depot: {subject}"],
        Category.GUIDED_TOUR: ["Führung: {subject}", "Kuratorenführung: {subject}"],
        Category.WORKSHOP: ["Werkstatt: {subject}", "Mitmach-Workshop: {subject}"],
        Category.TALK: ["Vortrag: Geschichte der {subject}", "Gespräch über {subject}"],
        Category.PERFORMANCE: ["Nachtkonzert: {subject}", "Theater und {subject}"],
        Category.FAMILY: ["Familienrallye: {subject}", "Schatzsuche für Kinder: {subject}"],
        Category.ONLINE_EVENT: ["Online-Rundgang: {subject}", "Webinar: {subject}"],
        Category.OPEN_DAY: ["Freier Eintritt: {subject} entdecken", "Tag der offenen Tür"],
        Category.OTHER: ["Erzählcafé: {subject}", "Picknick und {subject} im Garten"],
    },
    "it": {
        Category.EXHIBITION: ["Mostra: {subject}", "Tesori dai depositi: {subject}"],
        Category.GUIDED_TOUR: ["Visita guidata: {subject}", "Percorso con il curatore: {subject}"],
        Category.WORKSHOP: ["Laboratorio di {subject}", "Laboratorio per principianti: {subject}"],
        Category.TALK: ["Conferenza: storia di {subject}", "Incontro su {subject}"],
        Category.PERFORMANCE: ["Concerto notturno: {subject}", "Teatro tra {subject}"],
        Category.FAMILY: [
            "Caccia al tesoro in famiglia: {subject}",
            "Gioco per bambini: {subject}",
        ],
        Category.ONLINE_EVENT: ["Visita online in diretta: {subject}", "Webinar: {subject}"],
        Category.OPEN_DAY: ["Ingresso libero: scopri {subject}", "Giornata a porte aperte"],
        Category.OTHER: ["Racconti al museo: {subject}", "Picnic e {subject} in giardino"],
    },
    "pt": {
        Category.EXHIBITION: ["Exposição: {subject}", "Tesouros da reserva: {subject}"],
        Category.GUIDED_TOUR: ["Visita guiada: {subject}", "Percurso comentado: {subject}"],
        Category.WORKSHOP: ["Oficina de {subject}", "Oficina para iniciantes: {subject}"],
        Category.TALK: ["Palestra: a história de {subject}", "Conversa sobre {subject}"],
        Category.PERFORMANCE: ["Concerto noturno: {subject}", "Teatro entre {subject}"],
        Category.FAMILY: ["Percurso em família: {subject}", "Caça ao tesouro: {subject}"],
        Category.ONLINE_EVENT: ["Visita virtual ao vivo: {subject}", "Webinar: {subject}"],
        Category.OPEN_DAY: ["Entrada livre: descubra {subject}", "Dia de portas abertas"],
        Category.OTHER: ["Contação de histórias: {subject}", "Piquenique e {subject} no jardim"],
    },
}

# Sentences of a description: an opening, one or two details, practical information.
OPENINGS = {
    "en": [
        "For International Museum Day {year}, {museum} in {city} invites everyone to explore "
        "{subject}.",
        "{museum} marks Museum Day with a programme on {subject}, in the spirit of “{theme}”.",
    ],
    "fr": [
        "Pour la Journée internationale des musées {year}, {museum} ({city}) vous invite à "
        "découvrir ses {subject}.",
        "{museum} célèbre la Journée des musées autour des {subject}.",
    ],
    "es": [
        "Con motivo del Día Internacional de los Museos {year}, {museum} en {city} invita a "
        "descubrir {subject}.",
        "{museum} celebra el Día de los Museos con un programa sobre {subject}.",
    ],
    "de": [
        "Zum Internationalen Museumstag {year} lädt {museum} in {city} ein, {subject} zu "
        "entdecken.",
        "{museum} feiert den Museumstag mit einem Programm rund um {subject}.",
    ],
    "it": [
        "Per la Giornata internazionale dei musei {year}, {museum} a {city} invita a scoprire "
        "{subject}.",
        "{museum} celebra la Giornata dei musei con un programma dedicato a {subject}.",
    ],
    "pt": [
        "No Dia Internacional dos Museus {year}, {museum} em {city} convida todos a descobrir "
        "{subject}.",
        "{museum} celebra o Dia dos Museus com um programa sobre {subject}.",
    ],
}

DETAILS = {
    "en": [
        "Our conservators show how objects are cleaned, repaired and stored.",
        "Pieces rarely shown to the public come out of the stores for one day.",
        "Volunteers from the neighbourhood share their memories and family archives.",
        "A researcher explains recent discoveries made in the collection.",
        "Children draw, build and play along a trail through the galleries.",
        "Local musicians respond to the collection with new compositions.",
    ],
    "fr": [
        "Les restaurateurs montrent comment les objets sont nettoyés et conservés.",
        "Des pièces rarement montrées sortent des réserves pour une journée.",
        "Des habitants du quartier partagent leurs souvenirs et archives familiales.",
        "Une chercheuse présente les découvertes récentes faites dans la collection.",
        "Les enfants dessinent, construisent et jouent le long d'un parcours.",
    ],
    "es": [
        "Los restauradores muestran cómo se limpian y conservan los objetos.",
        "Piezas que rara vez se exhiben salen de la reserva por un día.",
        "Vecinos del barrio comparten sus recuerdos y archivos familiares.",
        "Una investigadora explica los descubrimientos recientes de la colección.",
        "Los niños dibujan, construyen y juegan a lo largo de un recorrido.",
    ],
    "de": [
        "Restauratorinnen zeigen, wie Objekte gereinigt und aufbewahrt werden.",
        "Selten gezeigte Stücke kommen für einen Tag aus dem Depot.",
        "Nachbarn erzählen von ihren Erinnerungen und Familienarchiven.",
        "Eine Forscherin stellt neue Entdeckungen aus der Sammlung vor.",
        "Kinder zeichnen, bauen und spielen entlang eines Rundgangs.",
    ],
    "it": [
        "I restauratori mostrano come gli oggetti vengono puliti e conservati.",
        "Pezzi raramente esposti escono dai depositi per un giorno.",
        "Gli abitanti del quartiere condividono ricordi e archivi di famiglia.",
        "Una ricercatrice racconta le recenti scoperte nella collezione.",
        "I bambini disegnano, costruiscono e giocano lungo un percorso.",
    ],
    "pt": [
        "Os conservadores mostram como os objetos são limpos e guardados.",
        "Peças raramente expostas saem da reserva por um dia.",
        "Moradores do bairro partilham memórias e arquivos de família.",
        "Uma investigadora apresenta descobertas recentes da coleção.",
        "As crianças desenham, constroem e brincam ao longo de um percurso.",
    ],
}

PRACTICAL = {
    "en": ["No booking needed.", "Places are limited: please book.", "Suitable for all ages."],
    "fr": ["Sans réservation.", "Places limitées : réservation conseillée.", "Tout public."],
    "es": ["Sin reserva previa.", "Plazas limitadas: reserve.", "Para todos los públicos."],
    "de": ["Ohne Anmeldung.", "Begrenzte Plätze: bitte anmelden.", "Für alle Altersgruppen."],
    "it": ["Senza prenotazione.", "Posti limitati: prenotare.", "Adatto a tutte le età."],
    "pt": ["Sem reserva.", "Lugares limitados: reserve.", "Para todas as idades."],
}

ACCESSIBILITY = {
    "en": ["Step-free access; induction loop at the desk.", "Tour in sign language at 3 pm."],
    "fr": ["Accès de plain-pied ; boucle magnétique.", "Visite en langue des signes à 15 h."],
    "es": ["Acceso sin escalones; bucle magnético.", "Visita en lengua de signos a las 15 h."],
    "de": ["Stufenloser Zugang; Induktionsschleife.", "Führung in Gebärdensprache um 15 Uhr."],
    "it": ["Accesso senza gradini; anello magnetico.", "Visita nella lingua dei segni alle 15."],
    "pt": ["Acesso sem degraus; anel de indução.", "Visita em língua gestual às 15h."],
}

MUSEUM_NAMES = {
    "en": ["{city} Museum of {kind}", "{person} House Museum", "{city} {district} Museum"],
    "fr": ["Musée de {kind} de {city}", "Maison-musée {person}", "Musée du {district}"],
    "es": ["Museo de {kind} de {city}", "Casa Museo {person}", "Museo del barrio {district}"],
    "de": ["Museum für {kind} {city}", "{person}-Haus", "Heimatmuseum {district}"],
    "it": ["Museo di {kind} di {city}", "Casa Museo {person}", "Museo del quartiere {district}"],
    "pt": ["Museu de {kind} de {city}", "Casa-Museu {person}", "Museu do bairro {district}"],
}
KIND_WORDS = {
    "en": ["Art", "History", "Science", "Natural History", "Archaeology", "Ethnography"],
    "fr": ["beaux-arts", "histoire", "sciences", "histoire naturelle", "archéologie"],
    "es": ["Bellas Artes", "Historia", "Ciencias", "Historia Natural", "Arqueología"],
    "de": ["Kunst", "Geschichte", "Naturkunde", "Archäologie", "Völkerkunde"],
    "it": ["Arte", "Storia", "Scienze", "Storia Naturale", "Archeologia"],
    "pt": ["Arte", "História", "Ciências", "História Natural", "Arqueologia"],
}
PEOPLE = _words(
    "Amara; Bergmann; Castillo; Dubois; Eriksen; Fontaine; García; Hoffmann; Ibrahim; "
    "Jansen; Kowalski; Lefèvre; Moreau; Nakamura; Okafor; Pereira; Quispe; Rossi; Santos; "
    "Tanaka; Urquhart; Valdés; Weber; Xavier; Yilmaz"
)
DISTRICTS = _words(
    "Old Town; Harbour; Riverside; Market; Hill; Station; Cathedral; Mill; Garden; "
    "Lighthouse; Bridge; Arsenal; Observatory; Tannery; Vineyard"
)
STREETS = {
    "en": "{n} {person} Street",
    "fr": "{n} rue {person}",
    "es": "Calle {person} {n}",
    "de": "{person}straße {n}",
    "it": "Via {person} {n}",
    "pt": "Rua {person} {n}",
}
