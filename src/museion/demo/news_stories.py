"""The stories of the news demo (`manage.py load_news_demo`).

Outlets and their addresses are invented, on reserved example domains.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Story:
    """One story: the English original first, then its translations (title, summary, body)."""

    days: int  # from today: negative in the past, positive for a scheduled post
    versions: dict[str, tuple[str, str, str]]
    sources: list[tuple[str, str, str]]  # outlet, title, URL
    edition: int | None = None  # Museum Day year whose demo activities the story is about
    countries: tuple[str, ...] = ()  # one activity of that edition from each of these countries
    sessions: tuple[str, ...] = field(default_factory=tuple)  # demo conference session titles


STORIES = [
    Story(
        days=-170,
        edition=2022,
        countries=("FR", "MX", "KE"),
        versions={
            "en": (
                "International Museum Day 2022: “The Power of Museums”",
                "On 18 May, museums around the world open their doors around one theme.",
                "This year's theme, **The Power of Museums**, looks at how museums can change "
                "the world around them: by achieving sustainability, by innovating with digital "
                "tools, and by building communities through education.\n\n"
                "Museums of every size can take part: add your activity to the map and share it "
                "with #IMD2022 and #MuseumDay.",
            ),
            "fr": (
                "Journée internationale des musées 2022 : « Le pouvoir des musées »",
                "Le 18 mai, les musées du monde entier ouvrent leurs portes autour d'un thème.",
                "Le thème de cette année, **Le pouvoir des musées**, montre comment les musées "
                "peuvent transformer le monde qui les entoure : par la durabilité, par "
                "l'innovation numérique et par l'éducation au service des communautés.\n\n"
                "Tous les musées peuvent participer : ajoutez votre activité à la carte et "
                "partagez-la avec #IMD2022 et #MuseumDay.",
            ),
            "es": (
                "Día Internacional de los Museos 2022: «El poder de los museos»",
                "El 18 de mayo, museos de todo el mundo abren sus puertas en torno a un tema.",
                "El tema de este año, **El poder de los museos**, muestra cómo los museos pueden "
                "transformar su entorno: con la sostenibilidad, la innovación digital y la "
                "educación al servicio de las comunidades.\n\n"
                "Todos los museos pueden participar: añadan su actividad al mapa y compártanla "
                "con #IMD2022 y #MuseumDay.",
            ),
        },
        sources=[
            (
                "The Museum Gazette",
                "Museum Day 2022 puts the power of museums centre stage",
                "https://news.example.org/2022/museum-day-power-of-museums",
            ),
            (
                "Le Journal des musées",
                "La Journée des musées célèbre le pouvoir des musées",
                "https://presse.example.com/journee-des-musees-2022",
            ),
        ],
    ),
    Story(
        days=-150,
        edition=2022,
        countries=("ES", "JP", "BR"),
        versions={
            "en": (
                "Put your Museum Day activity on the map",
                "Museums can now submit their activities for 18 May; coordinators review them.",
                "Guided tours, workshops, night openings, online visits: every activity added "
                "before the day appears on the public map and list, in the visitor's language "
                "when a translation is given.\n\n"
                "1. Log in with your museum account.\n"
                "2. Describe the activity, its time and its accessibility.\n"
                "3. Submit it: your national committee checks it before publication.\n\n"
                "#IMD2022 #MuseumDay",
            ),
            "fr": (
                "Inscrivez votre activité de la Journée des musées sur la carte",
                "Les musées peuvent proposer leurs activités du 18 mai ; les coordinateurs les "
                "relisent.",
                "Visites guidées, ateliers, nocturnes, visites en ligne : chaque activité "
                "ajoutée avant le jour J apparaît sur la carte et la liste publiques.\n\n"
                "1. Connectez-vous avec le compte de votre musée.\n"
                "2. Décrivez l'activité, son horaire et son accessibilité.\n"
                "3. Soumettez-la : votre comité national la vérifie avant publication.\n\n"
                "#IMD2022 #MuseumDay",
            ),
        },
        sources=[
            (
                "Heritage Today",
                "How museums prepare for International Museum Day",
                "https://heritage.example.net/features/preparing-museum-day",
            )
        ],
    ),
    Story(
        days=-140,
        edition=2025,
        countries=("SN", "IN"),
        versions={
            "en": (
                "Museum Day 2025: the future of museums in changing communities",
                "The theme for 2025 asks how museums help communities through rapid change.",
                "Cities grow, climates shift and technology moves fast. The 2025 theme, **The "
                "Future of Museums in Rapidly Changing Communities**, invites museums to show "
                "how they stay places of dialogue, learning and care.\n\n"
                "Share your plans with #IMD2025 and #MuseumDay.",
            ),
            "fr": (
                "Journée des musées 2025 : l'avenir des musées dans des communautés en mutation",
                "Le thème 2025 interroge le rôle des musées face aux changements rapides.",
                "Les villes grandissent, le climat change, la technologie accélère. Le thème "
                "2025, **L'avenir des musées dans des communautés en mutation rapide**, invite "
                "les musées à montrer comment ils restent des lieux de dialogue, "
                "d'apprentissage et d'attention.\n\n"
                "Partagez vos projets avec #IMD2025 et #MuseumDay.",
            ),
            "es": (
                "Día de los Museos 2025: el futuro de los museos en comunidades en cambio",
                "El tema de 2025 plantea cómo los museos acompañan a comunidades en rápida "
                "transformación.",
                "Las ciudades crecen, el clima cambia y la tecnología avanza deprisa. El tema "
                "de 2025, **El futuro de los museos en comunidades en rápida transformación**, "
                "invita a los museos a mostrar cómo siguen siendo lugares de diálogo, "
                "aprendizaje y cuidado.\n\n"
                "Compartan sus proyectos con #IMD2025 y #MuseumDay.",
            ),
        },
        sources=[
            (
                "The Museum Gazette",
                "Museum Day theme looks to the future",
                "https://news.example.org/2025/museum-day-theme",
            )
        ],
    ),
    Story(
        days=-120,
        edition=2022,
        versions={
            "en": (
                "Museum Day 2022 in pictures and numbers",
                "Museums on every continent welcomed visitors, many of them for the first time.",
                "From family trails to night concerts, the activities on the map drew new "
                "audiences, and a fifth of them could also be followed online.\n\n"
                "Thank you to every museum, volunteer and coordinator who took part. #IMD2022",
            ),
            "es": (
                "El Día de los Museos 2022 en imágenes y cifras",
                "Museos de todos los continentes recibieron visitantes, muchos por primera vez.",
                "De los recorridos en familia a los conciertos nocturnos, las actividades del "
                "mapa atrajeron nuevos públicos, y una quinta parte pudo seguirse también en "
                "línea.\n\n"
                "Gracias a todos los museos, voluntarios y coordinadores. #IMD2022",
            ),
        },
        sources=[
            (
                "Noticias de Cultura",
                "Los museos celebraron su día en todo el mundo",
                "https://noticias.example.com/cultura/dia-de-los-museos-2022",
            )
        ],
    ),
    Story(
        days=-100,
        sessions=("Collections care in a changing climate",),
        versions={
            "en": (
                "Caring for collections in a changing climate",
                "Conservators share what works when heat, floods and storms threaten collections.",
                "Rising temperatures and extreme weather put stores and galleries at risk. A "
                "working group of conservators has gathered practical steps, from monitoring "
                "humidity to planning evacuations, and will present them at the General "
                "Conference.\n\n"
                "#MuseumsForSustainability #ICOMPrague2022",
            ),
        },
        sources=[
            (
                "Conservation Review",
                "Museum stores face a hotter future",
                "https://heritage.example.net/conservation/hotter-future",
            )
        ],
    ),
    Story(
        days=-90,
        versions={
            "en": (
                "New Emergency Red List of Cultural Objects at Risk",
                "A new Red List helps police, customs and dealers recognise looted heritage.",
                "Red Lists are not lists of stolen objects: they show the **categories** of "
                "cultural objects most exposed to looting and illicit trafficking in a region, "
                "so that they can be identified at borders and in the art market.\n\n"
                "The list was prepared with museum experts from the region and is free to "
                "download. #RedList #IllicitTrafficking",
            ),
            "fr": (
                "Nouvelle Liste rouge d'urgence des biens culturels en péril",
                "Une nouvelle Liste rouge aide police, douanes et marchands à reconnaître le "
                "patrimoine pillé.",
                "Les Listes rouges ne sont pas des listes d'objets volés : elles présentent les "
                "**catégories** de biens culturels les plus exposées au pillage et au trafic "
                "illicite dans une région, pour les repérer aux frontières et sur le marché "
                "de l'art.\n\n"
                "La liste a été préparée avec des experts des musées de la région et se "
                "télécharge gratuitement. #RedList #IllicitTrafficking",
            ),
            "es": (
                "Nueva Lista Roja de emergencia de bienes culturales en peligro",
                "Una nueva Lista Roja ayuda a policía, aduanas y comerciantes a reconocer el "
                "patrimonio saqueado.",
                "Las Listas Rojas no son listas de objetos robados: muestran las **categorías** "
                "de bienes culturales más expuestas al saqueo y al tráfico ilícito en una "
                "región, para identificarlos en las fronteras y en el mercado del arte.\n\n"
                "La lista se preparó con expertos de museos de la región y se descarga "
                "gratuitamente. #RedList #IllicitTrafficking",
            ),
        },
        sources=[
            (
                "The Museum Gazette",
                "A new tool against the trade in looted antiquities",
                "https://news.example.org/2022/emergency-red-list",
            ),
            (
                "Customs Weekly",
                "Border officers trained to spot trafficked heritage",
                "https://customs.example.com/articles/red-list-training",
            ),
        ],
    ),
    Story(
        days=-75,
        versions={
            "en": (
                "Call for mentors: young museum professionals",
                "Experienced professionals are invited to mentor colleagues starting out.",
                "The mentoring programme pairs young professionals with colleagues from "
                "another country for six months of monthly conversations. Mentors give about "
                "two hours a month; applications close at the end of the month.\n\n"
                "#MuseumProfessionals",
            ),
        },
        sources=[
            (
                "Heritage Today",
                "Mentoring the next generation of curators",
                "https://heritage.example.net/careers/mentoring",
            )
        ],
    ),
    Story(
        days=-60,
        versions={
            "en": (
                "Lakeside City Museum reopens after four years of renovation",
                "New galleries, step-free access throughout and a free community floor.",
                "After four years behind scaffolding, the Lakeside City Museum welcomes "
                "visitors again. The renovation added lifts to every floor, tactile plans and "
                "a ground floor that local groups can use free of charge.\n\n"
                "Entry is free for the first month. #MuseumReopening",
            ),
            "es": (
                "El Museo de la Ciudad del Lago reabre tras cuatro años de obras",
                "Nuevas salas, accesibilidad sin escalones y una planta gratuita para la "
                "comunidad.",
                "Tras cuatro años de andamios, el Museo de la Ciudad del Lago vuelve a recibir "
                "visitantes. La renovación añadió ascensores en todas las plantas, planos "
                "táctiles y una planta baja que los grupos locales pueden usar gratis.\n\n"
                "La entrada es gratuita durante el primer mes. #MuseumReopening",
            ),
        },
        sources=[
            (
                "Lakeside Daily",
                "City museum doors open again",
                "https://news.example.org/local/lakeside-museum-reopens",
            )
        ],
    ),
    Story(
        days=-45,
        versions={
            "en": (
                "Registration opens for the General Conference in Prague",
                "On-site and online tickets are on sale, with early and member rates.",
                "Museum professionals from every region meet in Prague for a week of keynotes, "
                "panels, workshops and committee meetings. Students and members have reduced "
                "rates, and online tickets give access to the streamed sessions.\n\n"
                "#ICOMPrague2022",
            ),
            "fr": (
                "Ouverture des inscriptions à la Conférence générale de Prague",
                "Billets sur place et en ligne, avec tarifs réduits et tarifs membres.",
                "Les professionnels des musées de toutes les régions se retrouvent à Prague "
                "pour une semaine de conférences, tables rondes, ateliers et réunions de "
                "comités. Étudiants et membres bénéficient de tarifs réduits.\n\n"
                "#ICOMPrague2022",
            ),
        },
        sources=[
            (
                "Prague Culture Guide",
                "Prague prepares to host the museum world",
                "https://prague.example.com/news/museum-conference",
            )
        ],
    ),
    Story(
        days=-30,
        sessions=("The power of museums", "Decolonising documentation"),
        versions={
            "en": (
                "General Conference: the programme is online",
                "Keynotes, panels and workshops: plan your week in Prague.",
                "The full programme of the General Conference is now published, with rooms, "
                "speakers and the languages of each session. Sessions marked online are "
                "streamed for registered participants.\n\n"
                "#ICOMPrague2022",
            ),
            "fr": (
                "Conférence générale : le programme est en ligne",
                "Conférences, tables rondes et ateliers : préparez votre semaine à Prague.",
                "Le programme complet de la Conférence générale est publié, avec les salles, "
                "les intervenants et les langues de chaque séance. Les séances en ligne sont "
                "retransmises pour les participants inscrits.\n\n"
                "#ICOMPrague2022",
            ),
            "es": (
                "Conferencia General: el programa está en línea",
                "Conferencias, mesas redondas y talleres: organice su semana en Praga.",
                "El programa completo de la Conferencia General ya está publicado, con salas, "
                "ponentes e idiomas de cada sesión. Las sesiones en línea se retransmiten para "
                "los participantes inscritos.\n\n"
                "#ICOMPrague2022",
            ),
        },
        sources=[
            (
                "The Museum Gazette",
                "What to expect in Prague",
                "https://news.example.org/2022/prague-programme",
            )
        ],
    ),
    Story(
        days=-10,
        sessions=("Hands-on: emergency inventories",),
        versions={
            "en": (
                "Workshop: emergency inventories, hands on",
                "Thirty places to learn how to document a collection when disaster strikes.",
                "When a flood or a fire hits, knowing what a store holds decides what can be "
                "saved. This practical workshop walks through a quick inventory method with "
                "real objects. Places are limited: sign up from your participant page.\n\n"
                "#ICOMPrague2022",
            ),
        },
        sources=[
            (
                "Conservation Review",
                "Emergency inventories save collections",
                "https://heritage.example.net/conservation/emergency-inventories",
            )
        ],
    ),
    Story(
        days=12,
        versions={
            "en": (
                "Travelling to Prague: visas, transport and accessibility",
                "Practical information for delegates coming to the General Conference.",
                "Delegates who need a visa should apply at least six weeks before travelling. "
                "Conference badges include free public transport in Prague, and every venue "
                "has step-free access and quiet rooms.\n\n"
                "#ICOMPrague2022",
            ),
            "fr": (
                "Venir à Prague : visas, transports et accessibilité",
                "Informations pratiques pour les délégués de la Conférence générale.",
                "Les délégués qui ont besoin d'un visa doivent le demander au moins six "
                "semaines avant le départ. Le badge donne accès aux transports publics de "
                "Prague, et tous les lieux sont accessibles de plain-pied.\n\n"
                "#ICOMPrague2022",
            ),
        },
        sources=[
            (
                "Prague Culture Guide",
                "Getting around Prague",
                "https://prague.example.com/visitors/getting-around",
            )
        ],
    ),
]
