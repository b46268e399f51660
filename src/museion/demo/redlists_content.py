"""Two sample Red Lists written for the demo (fictional wording, no published list copied).

Each type: (title, fields, measurements, two picture captions). Translations give, per type, the
translated title and description; the other fields keep the original's wording.
"""

CONVENTIONS = [
    ("Convention for the Protection of Cultural Property in the Event of Armed Conflict", 1954),
    (
        "Convention on the Means of Prohibiting and Preventing the Illicit Import, Export and "
        "Transfer of Ownership of Cultural Property",
        1970,
    ),
    ("Convention on Stolen or Illegally Exported Cultural Objects", 1995),
]

SAHEL = {
    "slug": "sahel-demo",
    "language": "en",
    "title": "Red List of Sahel Cultural Objects at Risk (demo)",
    "region": "Sahel",
    "countries": ["ML", "NE", "BF", "TD"],
    "partners": "Demo partner museum network\nDemo customs training centre",
    "introduction": (
        "This sample list was written for the Museion demo. It shows the kinds of objects from "
        "the Sahel that are most often taken from sites and collections and offered for sale "
        "abroad. The objects pictured are placeholders: a real list shows catalogued objects "
        "of museums.\n\nAn object that looks like one in this list may be protected by law. Do "
        "not buy it; alert the authorities named at the end of the list."
    ),
    "legal_notes": (
        "The export of archaeological objects without a permit is forbidden in every country "
        "this list covers. This demo text is not legal advice."
    ),
    "authorities": [
        ("ML", "Demo Directorate of Cultural Heritage, Bamako", "heritage-ml@example.org"),
        ("NE", "Demo Heritage Police Unit, Niamey", "heritage-ne@example.org"),
        ("BF", "Demo Ministry of Culture, Ouagadougou", "heritage-bf@example.org"),
        ("TD", "Demo National Museum, N'Djamena", "heritage-td@example.org"),
    ],
    "categories": [
        (
            "Archaeology",
            "Objects taken from excavation sites, often still with earth on them.",
            [
                (
                    "Terracotta figurine",
                    {
                        "object_name": "Sculpture",
                        "object_subtype": "Seated figurine",
                        "materials": "Terracotta",
                        "techniques": "Modelled, fired",
                        "period_start": 1000,
                        "period_end": 1500,
                        "period_name": "Inland delta cultures",
                        "place_of_origin": "Inner Niger Delta",
                        "distinguishing_features": "Raised scarification marks; earth deposits.",
                        "description": (
                            "Hand-modelled figures, seated or kneeling, with elongated heads and "
                            "bulging eyes. Surfaces often red-brown with a pale slip."
                        ),
                    },
                    [("height", 15, 60, "cm")],
                ),
                (
                    "Bronze bracelet",
                    {
                        "object_name": "Jewellery",
                        "object_subtype": "Cast bracelet",
                        "materials": "Bronze, copper alloy",
                        "techniques": "Lost-wax casting",
                        "period_start": 800,
                        "period_end": 1400,
                        "place_of_origin": "Middle Niger",
                        "description": (
                            "Heavy open or closed rings with twisted or spiral decoration and "
                            "a green corrosion layer."
                        ),
                    },
                    [("diameter", 6, 12, "cm"), ("weight", 80, 600, "g")],
                ),
                (
                    "Stone bead necklace",
                    {
                        "object_name": "Jewellery",
                        "object_subtype": "Necklace",
                        "materials": "Carnelian, quartz",
                        "techniques": "Drilled, polished",
                        "period_start": -500,
                        "period_end": 500,
                        "period_name": "Iron Age",
                        "description": "Strings of polished red or milky beads, often restrung.",
                    },
                    [("length", 20, 80, "cm")],
                ),
            ],
        ),
        (
            "Manuscripts",
            "Handwritten books and loose leaves kept by families and libraries.",
            [
                (
                    "Illuminated manuscript leaf",
                    {
                        "object_name": "Manuscript",
                        "object_subtype": "Loose leaf",
                        "materials": "Paper, ink",
                        "techniques": "Handwritten, illuminated",
                        "period_start": 1500,
                        "period_end": 1900,
                        "inscriptions": "Text in Arabic script, notes in the margins.",
                        "description": (
                            "Leaves kept in leather wallets, with red and black ink and "
                            "geometric ornaments in the margins."
                        ),
                    },
                    [("height", 18, 30, "cm"), ("width", 12, 22, "cm")],
                ),
                (
                    "Leather manuscript case",
                    {
                        "object_name": "Container",
                        "object_subtype": "Satchel",
                        "materials": "Leather",
                        "techniques": "Tooled, dyed",
                        "period_start": 1700,
                        "period_end": 1950,
                        "description": "Tooled leather cases with a flap and a carrying strap.",
                    },
                    [("height", 20, 35, "cm")],
                ),
            ],
        ),
        (
            "Ethnographic objects",
            "Objects still in use in communities, or recently taken from them.",
            [
                (
                    "Wooden mask",
                    {
                        "object_name": "Mask",
                        "object_subtype": "Face mask",
                        "materials": "Wood, pigment, fibre",
                        "techniques": "Carved, painted",
                        "period_start": 1850,
                        "period_end": 1980,
                        "culture": "Several peoples of the region",
                        "description": (
                            "Carved masks with worn inner surfaces and holes for fixing a "
                            "costume; signs of use are part of what makes them sought after."
                        ),
                    },
                    [("height", 25, 120, "cm")],
                ),
                (
                    "Bronze gold weight",
                    {
                        "object_name": "Weight",
                        "object_subtype": "Figurative weight",
                        "materials": "Bronze, brass",
                        "techniques": "Lost-wax casting",
                        "period_start": 1600,
                        "period_end": 1900,
                        "description": "Small cast figures and geometric weights.",
                    },
                    [("height", 2, 8, "cm"), ("weight", 5, 60, "g")],
                ),
            ],
        ),
    ],
}

SAHEL_FR = {
    "slug": "sahel-demo-fr",
    "language": "fr",
    "title": "Liste rouge des biens culturels du Sahel en péril (démo)",
    "region": "Sahel",
    "introduction": (
        "Cette liste d'exemple a été écrite pour la démonstration de Museion. Elle montre les "
        "types d'objets du Sahel le plus souvent enlevés des sites et des collections pour être "
        "vendus à l'étranger. Les images sont des substituts.\n\nUn objet qui ressemble à ceux "
        "de cette liste peut être protégé par la loi : ne l'achetez pas et alertez les "
        "autorités citées à la fin de la liste."
    ),
    "legal_notes": (
        "L'exportation d'objets archéologiques sans permis est interdite dans tous les pays "
        "couverts. Ce texte de démonstration n'est pas un avis juridique."
    ),
    "categories": [
        ("Archéologie", "Objets enlevés de sites de fouilles, souvent encore couverts de terre."),
        ("Manuscrits", "Livres et feuillets écrits à la main, conservés par des familles."),
        ("Objets ethnographiques", "Objets encore en usage dans les communautés."),
    ],
    "types": [
        ("Figurine en terre cuite", "Figures modelées à la main, assises ou agenouillées."),
        ("Bracelet en bronze", "Anneaux lourds, décor torsadé, couche de corrosion verte."),
        ("Collier de perles en pierre", "Perles polies rouges ou laiteuses, souvent renfilées."),
        ("Feuillet de manuscrit enluminé", "Feuillets à l'encre rouge et noire, ornements."),
        ("Étui de manuscrit en cuir", "Étuis en cuir repoussé avec rabat et bandoulière."),
        ("Masque en bois", "Masques sculptés aux faces internes usées par le port."),
        ("Poids à peser l'or en bronze", "Petites figures et poids géométriques coulés."),
    ],
}

ANDES = {
    "slug": "andes-demo",
    "language": "es",
    "title": "Lista Roja de bienes culturales andinos en peligro (demo)",
    "region": "Andes centrales",
    "countries": ["PE", "BO", "EC"],
    "partners": "Red de museos de demostración",
    "introduction": (
        "Esta lista de ejemplo se escribió para la demostración de Museion. Presenta los tipos "
        "de bienes andinos que con más frecuencia se sustraen de templos, sitios y colecciones. "
        "Las imágenes son marcadores de posición.\n\nSi ve un objeto parecido, no lo compre y "
        "avise a las autoridades indicadas al final."
    ),
    "legal_notes": "Texto de demostración; no constituye asesoramiento jurídico.",
    "authorities": [
        ("PE", "Dirección de Patrimonio (demo), Lima", "patrimonio-pe@example.org"),
        ("BO", "Unidad de Patrimonio (demo), La Paz", "patrimonio-bo@example.org"),
        ("EC", "Instituto de Patrimonio (demo), Quito", "patrimonio-ec@example.org"),
    ],
    "categories": [
        (
            "Arte religioso",
            "Pinturas, esculturas y objetos de culto de iglesias y conventos.",
            [
                (
                    "Pintura sobre lienzo",
                    {
                        "object_name": "Pintura",
                        "object_subtype": "Óleo sobre lienzo",
                        "materials": "Lienzo, óleo, pan de oro",
                        "techniques": "Pintura al óleo, brocateado",
                        "period_start": 1600,
                        "period_end": 1800,
                        "period_name": "Virreinato",
                        "subject": "Vírgenes, santos, arcángeles",
                        "description": "Figuras frontales con mantos decorados en oro.",
                    },
                    [("height", 60, 200, "cm"), ("width", 40, 150, "cm")],
                ),
                (
                    "Escultura policromada",
                    {
                        "object_name": "Escultura",
                        "object_subtype": "Imagen de vestir",
                        "materials": "Madera, yeso, pigmentos",
                        "techniques": "Tallado, estofado",
                        "period_start": 1650,
                        "period_end": 1850,
                        "description": "Tallas con ojos de vidrio y policromía.",
                    },
                    [("height", 30, 160, "cm")],
                ),
                (
                    "Custodia de plata",
                    {
                        "object_name": "Objeto litúrgico",
                        "object_subtype": "Custodia",
                        "materials": "Plata, bronce dorado",
                        "techniques": "Repujado, cincelado",
                        "period_start": 1700,
                        "period_end": 1850,
                        "inscriptions": "Marcas de platero, a veces una fecha.",
                        "description": "Piezas con rayos, piedras engastadas y base alta.",
                    },
                    [("height", 40, 90, "cm")],
                ),
            ],
        ),
        (
            "Numismática",
            "Monedas acuñadas a mano y medallas.",
            [
                (
                    "Moneda macuquina",
                    {
                        "object_name": "Moneda",
                        "object_subtype": "Moneda de cruz",
                        "materials": "Plata",
                        "techniques": "Acuñación a martillo",
                        "period_start": 1570,
                        "period_end": 1770,
                        "inscriptions": "Cruz, columnas, leyendas incompletas.",
                        "description": "Monedas de forma irregular, cortadas de una barra.",
                    },
                    [("diameter", 2, 4, "cm"), ("weight", 2, 28, "g")],
                ),
            ],
        ),
        (
            "Arqueología",
            "Objetos de sitios precolombinos.",
            [
                (
                    "Vasija de asa estribo",
                    {
                        "object_name": "Cerámica",
                        "object_subtype": "Botella de asa estribo",
                        "materials": "Cerámica, engobe",
                        "techniques": "Modelado, moldeado, pintado",
                        "period_start": -200,
                        "period_end": 800,
                        "period_name": "Período Intermedio Temprano",
                        "description": "Botellas con asa hueca en forma de estribo.",
                    },
                    [("height", 15, 35, "cm")],
                ),
                (
                    "Cuchillo ceremonial de bronce",
                    {
                        "object_name": "Herramienta",
                        "object_subtype": "Tumi",
                        "materials": "Bronce arsenical, cobre",
                        "techniques": "Fundición, martillado",
                        "period_start": 900,
                        "period_end": 1530,
                        "description": "Hoja semicircular con mango, a veces con una figura.",
                    },
                    [("length", 12, 40, "cm")],
                ),
            ],
        ),
    ],
}

ANDES_EN = {
    "slug": "andes-demo-en",
    "language": "en",
    "title": "Red List of Andean Cultural Objects at Risk (demo)",
    "region": "Central Andes",
    "introduction": (
        "This sample list was written for the Museion demo. It shows the Andean objects most "
        "often taken from churches, sites and collections. The pictures are placeholders.\n\nIf "
        "you see a similar object, do not buy it: alert the authorities listed at the end."
    ),
    "legal_notes": "Demo text; not legal advice.",
    "categories": [
        ("Religious art", "Paintings, sculptures and liturgical objects of churches."),
        ("Numismatics", "Hand-struck coins and medals."),
        ("Archaeology", "Objects from pre-Columbian sites."),
    ],
    "types": [
        ("Painting on canvas", "Frontal figures with gold-patterned cloaks."),
        ("Polychrome sculpture", "Carved figures with glass eyes and painted, gilded dress."),
        ("Silver monstrance", "Rayed silver pieces with set stones on a tall foot."),
        ("Cob coin", "Irregular hand-struck silver coins cut from a bar."),
        ("Stirrup-spout vessel", "Bottles with a hollow stirrup-shaped handle and spout."),
        ("Bronze ceremonial knife", "Semicircular blade with a handle, sometimes a figure."),
    ],
}

LISTS = [(SAHEL, [SAHEL_FR]), (ANDES, [ANDES_EN])]
